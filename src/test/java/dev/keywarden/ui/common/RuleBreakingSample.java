package dev.keywarden.ui.common;

/** Test-only: shared UI code using a feature, and half of a package cycle, for ArchitectureTest to catch. */
public final class RuleBreakingSample {
    public dev.keywarden.ui.projects.RuleBreakingSample feature;
}
