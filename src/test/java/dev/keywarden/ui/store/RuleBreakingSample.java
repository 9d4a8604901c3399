package dev.keywarden.ui.store;

/** Test-only: the key store using a view of it, for ArchitectureTest to catch. */
public final class RuleBreakingSample {
    public dev.keywarden.ui.keys.KeysModel view;
}
