package dev.cloudjar.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of ARCHITECTURE.md, checked on every build. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.cloudjar");
    }

    @Test
    void onlyHttpImportsJavalinAndJetty() {
        noClasses().that().resideOutsideOfPackage("dev.cloudjar.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void backendsKnowNoProtocolHttpJacksonAnnotationsOrMapDb() {
        noClasses().that().haveSimpleNameEndingWith("Backend").and().resideInAPackage("dev.cloudjar.services..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cloudjar.protocol..", "dev.cloudjar.http..",
                        "com.fasterxml.jackson.annotation..", "org.mapdb..", "io.javalin..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void servicesDoNotImportEachOther() {
        slices().matching("dev.cloudjar.services.(*)..").should().notDependOnEachOther().allowEmptyShould(true).check(classes);
    }

    @Test
    void coreIsALeaf() {
        classes().that().resideInAPackage("dev.cloudjar.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cloudjar.core..", "java..")
                .check(classes);
    }

    @Test
    void eventsDependOnlyOnCore() {
        classes().that().resideInAPackage("dev.cloudjar.events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cloudjar.core..", "dev.cloudjar.events..", "java..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void onlyPersistenceImportsMapDb() {
        noClasses().that().resideOutsideOfPackage("dev.cloudjar.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mapdb..")
                .check(classes);
    }

    @Test
    void onlyMainImportsPicocli() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.cloudjar.Main").and().resideOutsideOfPackage("dev.cloudjar.Main..")
                .and().doNotHaveFullyQualifiedName("dev.cloudjar.Main$Version")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(classes);
    }

    @Test
    void theEmulatorNeverUsesTheAwsSdk() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..").check(classes);
    }
}
