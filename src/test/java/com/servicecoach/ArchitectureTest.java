package com.servicecoach;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape of the code: feature packages without cycles; figures and grading as plain Java. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.servicecoach");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("com.servicecoach.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void scoringAndGradingKnowNothingOfHttpOrSql() {
        noClasses().that().resideInAnyPackage("com.servicecoach.scoring..", "com.servicecoach.question..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "java.sql..", "javax.sql..",
                        "io.micronaut.data..")
                .check(CLASSES);
    }
}
