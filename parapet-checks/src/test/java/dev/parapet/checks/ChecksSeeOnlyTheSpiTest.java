package dev.parapet.checks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Checks see the scan only through the SPI and the model: they may not reach into the engine, the transport or any
 * other part of Parapet, and may use no library beyond the JDK, Jackson and Nimbus JOSE+JWT. Nimbus is allowed
 * because parsing and judging tokens (JWS/JWK formats, key encodings) is security code best not re-implemented in a
 * check; it does no I/O of its own (its remote JWK sources are never used, and the network rule below still holds).
 */
class ChecksSeeOnlyTheSpiTest {

    private static final JavaClasses CHECKS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.parapet.checks");

    @Test
    void checksDependOnlyOnTheSpiTheModelTheJdkJacksonAndNimbus() {
        classes().that().resideInAPackage("dev.parapet.checks..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.parapet.checks..", "dev.parapet.spi..",
                        "dev.parapet.model..", "java..", "javax..", "com.fasterxml.jackson..", "com.nimbusds..",
                        "com.google.re2j..")
                .because("checks never do I/O themselves and must not depend on the engine (see DESIGN.md §3); "
                        + "Nimbus JOSE+JWT parses tokens and keys for jwt-weaknesses; RE2/J matches target text in "
                        + "linear time")
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
                .orShould().dependOnClassesThat().resideInAnyPackage("com.nimbusds.jose.jwk.source..",
                        "com.nimbusds.jose.util.health..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.nimbusds.jose.util.DefaultResourceRetriever")
                .because("probes go through CheckContext, so scope, budgets and rate limits hold (DNS included)")
                .check(CHECKS);
    }
}
