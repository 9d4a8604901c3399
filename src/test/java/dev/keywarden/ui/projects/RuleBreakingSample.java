package dev.keywarden.ui.projects;

/** Test-only: the other half of a package cycle, for ArchitectureTest to catch. */
public final class RuleBreakingSample {
    public dev.keywarden.ui.common.RuleBreakingSample shared;
}
