package dev.keywarden.cli;

import dev.keywarden.core.pacing.Parallelism;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --parallelism N}: how many calls a command that loads or changes many keys has in flight at once. */
final class ParallelismOption {

    @Option(names = "--parallelism", paramLabel = "N", converter = Converter.class,
            description = "at most N calls at once (1-" + Parallelism.MAX + ", default " + Parallelism.DEFAULT
                    + "); fewer while the server answers 429 or 503 or slows down")
    int value = Parallelism.DEFAULT;

    static final class Converter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return Parallelism.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
