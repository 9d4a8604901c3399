package dev.keywarden.model;

/** Test-only: a model class that uses JavaFX and the layer above it, for ArchitectureTest to catch. */
public final class RuleBreakingSample {
    public javafx.beans.property.StringProperty name;
    public dev.keywarden.core.RuleBreakingSample above;
}
