package org.meshledger.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The folders show the architecture, and these rules keep it so. */
@AnalyzeClasses(packages = "org.meshledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule commandSideNeverReadsViews = noClasses()
            .that()
            .resideInAPackage("org.meshledger.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.meshledger.query..");

    @ArchTest
    static final ArchRule querySideNeverDecides = noClasses()
            .that()
            .resideInAPackage("org.meshledger.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.meshledger.command..");

    @ArchTest
    static final ArchRule theApiIsFreeOfSpring = noClasses()
            .that()
            .resideInAPackage("org.meshledger.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.meshledger.platform..");

    @ArchTest
    static final ArchRule thePlatformKnowsNeitherSide = noClasses()
            .that()
            .resideInAPackage("org.meshledger.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.meshledger.command..", "org.meshledger.query..");
}
