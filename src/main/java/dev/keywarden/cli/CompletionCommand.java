package dev.keywarden.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keywarden generate-completion}: a bash script (zsh runs it through bashcompinit) completing every command and option. */
@Command(name = "generate-completion", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
        description = {
                "Print a bash/zsh completion script for keywarden.",
                "Install it with: source <(keywarden generate-completion)",
                "(in zsh, first: autoload -U +X bashcompinit && bashcompinit)."})
final class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(spec.root().name(), root));
        spec.commandLine().getOut().flush();
    }
}
