package dev.keywarden.cli;

import dev.keywarden.api.Version;
import picocli.CommandLine;

/** {@code --version} on every command. */
public final class KeywardenVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"keywarden " + Version.get()};
    }
}
