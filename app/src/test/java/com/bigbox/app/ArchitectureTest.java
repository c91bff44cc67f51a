package com.bigbox.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers of docs/architecture.md: core <- autonomic <- postgres <- server <- app. */
class ArchitectureTest {
    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bigbox");

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("core")
                .definedBy("com.bigbox.core..")
                .layer("autonomic")
                .definedBy("com.bigbox.autonomic..")
                .layer("postgres")
                .definedBy("com.bigbox.postgres..")
                .layer("server")
                .definedBy("com.bigbox.server..")
                .layer("app")
                .definedBy("com.bigbox.app..")
                .whereLayer("app")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("server")
                .mayOnlyBeAccessedByLayers("app")
                .whereLayer("postgres")
                .mayOnlyBeAccessedByLayers("server", "app")
                .whereLayer("autonomic")
                .mayOnlyBeAccessedByLayers("postgres", "server", "app")
                .check(classes);
    }

    @Test
    void coreIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("com.bigbox.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "org.postgresql..",
                        "io.javalin..",
                        "picocli..",
                        "com.fasterxml..",
                        "org.slf4j..")
                .check(classes);
    }

    @Test
    void theDomainHasNoSqlNoHttpNoCli() {
        noClasses()
                .that()
                .resideInAPackage("com.bigbox.autonomic..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "org.postgresql..",
                        "com.zaxxer..",
                        "io.javalin..",
                        "jakarta.servlet..",
                        "picocli..")
                .check(classes);
    }

    @Test
    void adaptersDoNotReachUp() {
        noClasses()
                .that()
                .resideInAnyPackage("com.bigbox.postgres..", "com.bigbox.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("com.bigbox.postgres..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void onlyThePostgresModuleSpeaksJdbc() {
        // SQL has one home (docs/architecture.md): HTTP routes and CLI commands ask a postgres adapter.
        noClasses()
                .that()
                .resideInAnyPackage("com.bigbox.server..", "com.bigbox.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..", "com.zaxxer..")
                .check(classes);
    }

    static final String[] FEATURES = {
        "com.bigbox.autonomic.leads..",
        "com.bigbox.autonomic.meetings..",
        "com.bigbox.autonomic.strategy..",
        "com.bigbox.autonomic.projects..",
        "com.bigbox.autonomic.finance.."
    };

    @Test
    void whatTheFeaturesShareKnowsNoFeature() {
        // Features depend on events, reasoning and agents; the other way would tie every feature to every other.
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.bigbox.autonomic.events..",
                        "com.bigbox.autonomic.reasoning..",
                        "com.bigbox.autonomic.agents..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(classes);
    }

    @Test
    void aFeaturesRulesAndDecisionsArePure() {
        // decide(...) returns the decisions; only the agent adapter emits, reads the store or the clock.
        noClasses()
                .that()
                .resideInAnyPackage(FEATURES)
                .and()
                .haveNameMatching(".*\\.[A-Za-z]+(Decisions|Rules)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("com.bigbox.autonomic.agents.AgentContext")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("com.bigbox.core.UnitOfWork")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.time.Clock")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("com.bigbox.autonomic.runtime..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("com.bigbox.(**)").should().beFreeOfCycles().check(classes);
    }
}
