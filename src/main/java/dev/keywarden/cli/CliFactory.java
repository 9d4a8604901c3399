package dev.keywarden.cli;

import picocli.CommandLine;

import java.lang.reflect.Constructor;

/** Creates commands, handing the {@link CliEnvironment} to those whose constructor takes it. */
final class CliFactory implements CommandLine.IFactory {
    private final CliEnvironment environment;

    CliFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == CliEnvironment.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(environment));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
