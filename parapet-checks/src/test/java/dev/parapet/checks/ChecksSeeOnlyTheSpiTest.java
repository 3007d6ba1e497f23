package dev.parapet.checks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Checks see the scan only through the SPI and the model: they may not reach into the engine, the transport or any
 * other part of Parapet, and may use no library beyond the JDK and Jackson.
 */
class ChecksSeeOnlyTheSpiTest {

    private static final JavaClasses CHECKS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.parapet.checks");

    @Test
    void checksDependOnlyOnTheSpiTheModelTheJdkAndJackson() {
        classes().that().resideInAPackage("dev.parapet.checks..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.parapet.checks..", "dev.parapet.spi..",
                        "dev.parapet.model..", "java..", "javax..", "com.fasterxml.jackson..")
                .because("checks never do I/O themselves and must not depend on the engine (see DESIGN.md §3)")
                .check(CHECKS);
    }

    @Test
    void checksReachTheNetworkAndDiskOnlyThroughTheEngine() {
        noClasses().that().resideInAPackage("dev.parapet.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.file..",
                        "java.nio.channels..", "javax.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.InetAddress")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .because("probes go through CheckContext, so scope, budgets and rate limits hold (DNS included)")
                .check(CHECKS);
    }
}
