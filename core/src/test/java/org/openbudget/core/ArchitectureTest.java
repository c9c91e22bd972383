package org.openbudget.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is pure: no file system, network, database, or anything outside the JDK's basics. */
class ArchitectureTest {
    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openbudget.core");

    @Test
    void coreDoesNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "java.sql..", "javax.sql..", "java.net.http..")
                .because("IO lives at the edges (io, cli, web); the core is pure")
                .check(CORE);
    }

    @Test
    void coreKnowsNoEdge() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.openbudget.io..", "org.openbudget.cli..", "org.openbudget.web..", "org.openbudget.render..", "org.openbudget.audit..")
                .check(CORE);
    }

    @Test
    void checksDoNotKnowTheLedger() {
        noClasses().that().resideInAPackage("org.openbudget.core.check..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openbudget.core.derive..", "org.openbudget.core.synthetic..")
                .orShould().dependOnClassesThat().haveSimpleName("LedgerLine")
                .orShould().dependOnClassesThat().haveSimpleName("Budget")
                .because("the checks never know which road a Disclosure came from")
                .check(CORE);
    }
}
