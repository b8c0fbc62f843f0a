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
 * and the SPI never reach into the runner or training; the runner, training and the benchmarks
 * never import the built-in strategies (they find them by name at run time); the runner never
 * imports the benchmarks; config binding sits below everything that reads configs; no package
 * cycles; and the SPI depends on nothing but the JDK, DJL and Jackson's annotations.
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

  /** Built-in curators are plugins like any other: found through the registry, never imported. */
  @Test
  void theRunnerTrainingAndBenchmarksNeverImportTheStrategies() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.batchcuration.runner..",
            "org.batchcuration.training..",
            "org.batchcuration.benchmarks..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.batchcuration.strategies..")
        .check(classes);
  }

  /** {@code ./curation bench} is added by class name (cli/RuntimeCommands), never compiled in. */
  @Test
  void theRunnerNeverImportsTheBenchmarks() {
    noClasses()
        .that()
        .resideInAPackage("org.batchcuration.runner..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.batchcuration.benchmarks..")
        .check(classes);
  }

  /** The benchmarks and config binding sit below the runner, never the other way round. */
  @Test
  void theBenchmarksAndConfigBindingNeverDependOnTheRunnerOrTraining() {
    noClasses()
        .that()
        .resideInAnyPackage("org.batchcuration.benchmarks..", "org.batchcuration.configbinding..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.batchcuration.runner..", "org.batchcuration.training..")
        .check(classes);
  }

  @Test
  void configBindingDependsOnlyOnTheSpiAndJackson() {
    classes()
        .that()
        .resideInAPackage("org.batchcuration.configbinding..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "com.fasterxml.jackson..",
            "org.batchcuration.api..",
            "org.batchcuration.configbinding..")
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
    for (String p :
        new String[] {
          "org.batchcuration.runner",
          "org.batchcuration.training",
          "org.batchcuration.benchmarks",
          "org.batchcuration.strategies",
          "org.batchcuration.configbinding"
        }) {
      org.assertj.core.api.Assertions.assertThat(classes.containPackage(p)).as(p).isTrue();
    }
  }
}
