package com.servicecoach;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code: feature packages without cycles; figures and grading as plain Java; SQL only in the
 * stores (a class named *Store, with its nested classes), the shared database plumbing and the benchmark.
 */
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

    /**
     * A class named *Store, one nested in such a class (a store's transaction handle, its lambdas), or the bean
     * definition Micronaut generates for a store ({@code $FooStore$Definition}).
     */
    static final DescribedPredicate<JavaClass> A_STORE = DescribedPredicate.describe("a *Store class or nested in one",
            c -> c.getName().matches(".*\\.\\$?[A-Za-z0-9]+Store(\\$.*)?"));

    @Test
    void onlyStoresSpeakSql() {
        noClasses().that(DescribedPredicate.not(A_STORE))
                .and().resideOutsideOfPackages("com.servicecoach.database..", "com.servicecoach.benchmark..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(CLASSES);
    }
}
