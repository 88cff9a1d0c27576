package com.servicecoach.report;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the report feature: building, rendering, audit and thresholds depend on each other without
 * cycles and never on the routes, jobs and command above them (that only stores speak SQL is
 * {@code ArchitectureTest}'s rule).
 */
class ReportPackagesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.servicecoach.report");

    @Test
    void theReportsSubPackagesAreFreeOfCycles() {
        slices().matching("com.servicecoach.report.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSubPackagesKnowNothingOfTheRoutesJobsAndCommand() {
        noClasses().that().resideInAnyPackage("com.servicecoach.report.building..", "com.servicecoach.report.rendering..",
                        "com.servicecoach.report.audit..", "com.servicecoach.report.thresholds..")
                .should().dependOnClassesThat().resideInAPackage("com.servicecoach.report")
                .check(CLASSES);
    }

    @Test
    void buildingAndRenderingKnowNothingOfHttp() {
        noClasses().that().resideInAnyPackage("com.servicecoach.report.building..", "com.servicecoach.report.rendering..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..")
                .check(CLASSES);
    }
}
