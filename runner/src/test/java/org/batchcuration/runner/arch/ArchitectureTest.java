package org.batchcuration.runner.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries over every framework class on the runner's class path (main code only): plugins
 * and the SPI never reach into the runner or training, no package cycles, and the SPI depends on
 * nothing but the JDK, DJL and Jackson's annotations.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.batchcuration");
  }

  @Test
  void pluginsAndTheSpiNeverDependOnTheRunnerOrTraining() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.batchcuration.strategies..",
            "org.batchcuration.api..",
            "org.batchcuration.examples..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.batchcuration.runner..", "org.batchcuration.training..")
        .check(classes);
  }

  @Test
  void noCyclesBetweenModules() {
    slices().matching("org.batchcuration.(*)..").should().beFreeOfCycles().check(classes);
  }

  /** Every package on its own. */
  @Test
  void noCyclesBetweenPackages() {
    slices().matching("org.batchcuration.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theSpiDependsOnlyOnTheJdkDjlAndJacksonAnnotations() {
    classes()
        .that()
        .resideInAPackage("org.batchcuration.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "ai.djl..", "com.fasterxml.jackson.annotation..", "org.batchcuration.api..")
        .check(classes);
  }

  @Test
  void theRunnerSeesTheModulesItChecks() {
    org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.batchcuration.api"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.batchcuration.runner"))
        .isTrue();
  }
}
