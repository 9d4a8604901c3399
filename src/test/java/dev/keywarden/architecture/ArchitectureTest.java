package dev.keywarden.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layers, the sandbox's place, JavaFX's place and the absence of package cycles, on the compiled main classes. */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.keywarden");
    }

    @Test
    void layers() {
        ArchitectureRules.LAYERS.check(main);
    }

    @Test
    void onlyTheStartUpWiringUsesTheSandbox() {
        ArchitectureRules.SANDBOX_ONLY_FROM_START_UP.check(main);
    }

    @Test
    void nothingBelowTheUiUsesJavaFx() {
        ArchitectureRules.NO_JAVAFX_BELOW_UI.check(main);
    }

    @Test
    void sharedUiHelpersUseNoFeature() {
        ArchitectureRules.UI_COMMON_KNOWS_NO_FEATURE.check(main);
    }

    @Test
    void theConsolesFeaturePackagesUseOnlyThoseBelowThem() {
        ArchitectureRules.UI_FEATURES.check(main);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(main);
    }

    /** The rules are only worth something if they fail: each is shown breaking on classes made to break it. */
    @Test
    void eachRuleFailsWhenBroken() {
        JavaClasses broken = new ClassFileImporter().importClasses(
                dev.keywarden.model.RuleBreakingSample.class,
                dev.keywarden.core.RuleBreakingSample.class,
                dev.keywarden.ui.common.RuleBreakingSample.class,
                dev.keywarden.ui.projects.RuleBreakingSample.class,
                dev.keywarden.ui.store.RuleBreakingSample.class);
        for (ArchRule rule : new ArchRule[] {ArchitectureRules.LAYERS, ArchitectureRules.SANDBOX_ONLY_FROM_START_UP,
                ArchitectureRules.NO_JAVAFX_BELOW_UI, ArchitectureRules.UI_COMMON_KNOWS_NO_FEATURE, ArchitectureRules.UI_FEATURES,
                ArchitectureRules.NO_PACKAGE_CYCLES}) {
            assertThatThrownBy(() -> rule.check(broken)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }
}
