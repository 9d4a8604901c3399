package dev.keywarden.core;

/** Test-only: core using the sandbox, for ArchitectureTest to catch. */
public final class RuleBreakingSample {
    public dev.keywarden.sandbox.SandboxServer server;
}
