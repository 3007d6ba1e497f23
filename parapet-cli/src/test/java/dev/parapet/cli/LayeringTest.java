package dev.parapet.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency direction of docs/architecture.md, checked over every module's classes. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.parapet");
    }

    @Test
    void engineNeverImportsAnAdapterOrAReport() {
        noClasses().that().resideInAPackage("dev.parapet.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parapet.cli..", "dev.parapet.report..",
                        "dev.parapet.server..", "dev.parapet.mcp..", "dev.parapet.checks..")
                .check(classes);
    }

    @Test
    void coreNeverImportsChecksReportsOrAdapters() {
        noClasses().that().resideInAnyPackage("dev.parapet.model..", "dev.parapet.spi..", "dev.parapet.engine..",
                        "dev.parapet.http..", "dev.parapet.event..", "dev.parapet.config..", "dev.parapet.score..",
                        "dev.parapet.service..", "dev.parapet.triage..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parapet.checks..", "dev.parapet.report..",
                        "dev.parapet.cli..", "dev.parapet.demo..", "dev.parapet.store..")
                .check(classes);
    }

    @Test
    void modelAndSpiDependOnNothingElseOfParapet() {
        noClasses().that().resideInAnyPackage("dev.parapet.model..", "dev.parapet.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parapet.engine..", "dev.parapet.http..",
                        "dev.parapet.event..", "dev.parapet.config..", "dev.parapet.score..", "dev.parapet.service..")
                .check(classes);
    }

    @Test
    void cliGoesThroughTheScanServiceNotTheEngine() {
        noClasses().that().resideInAPackage("dev.parapet.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parapet.engine..", "dev.parapet.http..")
                .check(classes);
    }

    @Test
    void serverGoesThroughTheScanServiceAndNeverImportsTheChecksOrTheCli() {
        noClasses().that().resideInAPackage("dev.parapet.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parapet.engine..", "dev.parapet.checks..",
                        "dev.parapet.cli..", "dev.parapet.mcp..")
                .check(classes);
    }

    @Test
    void storeNeverImportsAnAdapterTheEngineOrTheChecks() {
        noClasses().that().resideInAPackage("dev.parapet.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parapet.cli..", "dev.parapet.engine..",
                        "dev.parapet.http..", "dev.parapet.checks..", "dev.parapet.server..", "dev.parapet.mcp..")
                .check(classes);
    }
}
