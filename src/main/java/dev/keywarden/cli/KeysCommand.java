package dev.keywarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code keywarden keys ...}: the organisation's keys; {@link KeywardenCli} adds its subcommands. */
@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
        description = "The organisation's keys.")
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code keywarden keys} alone: say what it can do, and fail, so a script with a typo does not pass. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("keywarden: say what to do with the keys, e.g. 'keywarden keys list'.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.ERROR;
    }
}
