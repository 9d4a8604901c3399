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
 *   ui.app -> ui.incident (audit), ui.leak -> ui.allkeys -> ui.watch, ui.bulk; ui.orgkeys
 *          -> ui.keys -> ui.projects -> ui.store -> ui.connection -> ui.common
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
                    "dev.keywarden.ui.store..", "dev.keywarden.ui.projects..", "dev.keywarden.ui.keys..", "dev.keywarden.ui.orgkeys..",
                    "dev.keywarden.ui.bulk..", "dev.keywarden.ui.watch..", "dev.keywarden.ui.allkeys..", "dev.keywarden.ui.leak..",
                    "dev.keywarden.ui.incident..", "dev.keywarden.ui.audit..")
            .as("ui.common is shared by the features and uses none of them");

    /**
     * The console's feature packages, each using only those below it: the key store knows none of its views,
     * the keys tables know neither bulk changes nor the all-keys table, and nothing but the start-up wiring
     * knows the leak finder or the audit tab.
     */
    static final Architectures.LayeredArchitecture UI_FEATURES = Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.keywarden.ui..")
            .layer("App").definedBy("dev.keywarden.ui.app..")
            .layer("Audit").definedBy("dev.keywarden.ui.incident..", "dev.keywarden.ui.audit..")
            .layer("Leak").definedBy("dev.keywarden.ui.leak..")
            .layer("AllKeys").definedBy("dev.keywarden.ui.allkeys..")
            .layer("Watch").definedBy("dev.keywarden.ui.watch..")
            .layer("Bulk").definedBy("dev.keywarden.ui.bulk..")
            .layer("OrgKeys").definedBy("dev.keywarden.ui.orgkeys..")
            .layer("Keys").definedBy("dev.keywarden.ui.keys..")
            .layer("Projects").definedBy("dev.keywarden.ui.projects..")
            .layer("Store").definedBy("dev.keywarden.ui.store..")
            .layer("Connection").definedBy("dev.keywarden.ui.connection..")
            .layer("Common").definedBy("dev.keywarden.ui.common..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Audit").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Leak").mayOnlyBeAccessedByLayers("App")
            .whereLayer("AllKeys").mayOnlyBeAccessedByLayers("App", "Leak")
            .whereLayer("Watch").mayOnlyBeAccessedByLayers("App", "AllKeys")
            .whereLayer("Bulk").mayOnlyBeAccessedByLayers("App", "Leak", "AllKeys")
            .whereLayer("OrgKeys").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Keys").mayOnlyBeAccessedByLayers("App", "Audit", "Leak", "AllKeys", "Bulk", "OrgKeys")
            .whereLayer("Projects").mayOnlyBeAccessedByLayers("App", "Audit", "Leak", "AllKeys", "Bulk", "OrgKeys", "Keys")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Audit", "Leak", "AllKeys", "Watch", "Bulk", "OrgKeys", "Keys",
                    "Projects")
            .whereLayer("Connection").mayOnlyBeAccessedByLayers("App", "Audit", "Leak", "AllKeys", "Watch", "Bulk", "OrgKeys", "Keys",
                    "Projects", "Store")
            .as("the console's feature packages use only those below them");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.keywarden.(**)").should().beFreeOfCycles()
            .as("no package cycles under dev.keywarden");
}
