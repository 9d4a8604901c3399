package dev.keywarden.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of CONTRIBUTING.md's package map, as ArchUnit rules:
 * <pre>
 *   Main (dev.keywarden) -> ui -> core -> api -> model -> common
 *   Main (dev.keywarden) -> cli -> core
 *                            ui.app -> sandbox -> model, common
 * </pre>
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static final Architectures.LayeredArchitecture LAYERS = Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.keywarden..")
            .layer("Main").definedBy("dev.keywarden")
            .layer("Ui").definedBy("dev.keywarden.ui..")
            .layer("Cli").definedBy("dev.keywarden.cli..")
            .layer("Core").definedBy("dev.keywarden.core..")
            .layer("Api").definedBy("dev.keywarden.api..")
            .layer("Sandbox").definedBy("dev.keywarden.sandbox..")
            .layer("Model").definedBy("dev.keywarden.model..")
            .layer("Common").definedBy("dev.keywarden.common..")
            .whereLayer("Main").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Ui", "Cli")
            .whereLayer("Api").mayOnlyBeAccessedByLayers("Core", "Ui", "Cli", "Main")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Ui", "Main")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Api", "Core", "Ui", "Cli", "Sandbox", "Main")
            .whereLayer("Common").mayOnlyBeAccessedByLayers("Model", "Api", "Core", "Ui", "Cli", "Sandbox", "Main");

    /** Only the start-up wiring embeds the sandbox (and the entry point runs it alone). */
    static final ArchRule SANDBOX_ONLY_FROM_START_UP = noClasses()
            .that().resideOutsideOfPackages("dev.keywarden", "dev.keywarden.ui.app..", "dev.keywarden.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("dev.keywarden.sandbox..")
            .as("only dev.keywarden.ui.app (and Main) may use the sandbox");

    static final ArchRule NO_JAVAFX_BELOW_UI = noClasses()
            .that().resideInAnyPackage("dev.keywarden.common..", "dev.keywarden.model..", "dev.keywarden.api..",
                    "dev.keywarden.core..", "dev.keywarden.sandbox..", "dev.keywarden.cli..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .as("nothing below ui uses JavaFX");

    static final ArchRule UI_COMMON_KNOWS_NO_FEATURE = noClasses()
            .that().resideInAPackage("dev.keywarden.ui.common..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.keywarden.ui.app..", "dev.keywarden.ui.connection..",
                    "dev.keywarden.ui.projects..", "dev.keywarden.ui.keys..", "dev.keywarden.ui.incident..",
                    "dev.keywarden.ui.audit..")
            .as("ui.common is shared by the features and uses none of them");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.keywarden.(**)").should().beFreeOfCycles()
            .as("no package cycles under dev.keywarden");
}
