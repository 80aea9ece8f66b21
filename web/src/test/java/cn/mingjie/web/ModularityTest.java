package cn.mingjie.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of the design: geo-core ← {gazetteer, boundary-survey, facility} ← data ← web,
 * only web knows HTTP, and no module reaches into another's {@code internal} packages.
 */
class ModularityTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.mingjie");
    }

    @Test
    void geoCoreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("cn.mingjie.geocore..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "cn.mingjie.gazetteer..",
                        "cn.mingjie.boundary..",
                        "cn.mingjie.facility..",
                        "cn.mingjie.data..",
                        "cn.mingjie.web..")
                .check(classes);
    }

    @Test
    void domainModulesDoNotDependOnDataOrWeb() {
        noClasses()
                .that()
                .resideInAnyPackage("cn.mingjie.gazetteer..", "cn.mingjie.boundary..", "cn.mingjie.facility..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("cn.mingjie.data..", "cn.mingjie.web..")
                .check(classes);
    }

    @Test
    void boundaryAndFacilityDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("cn.mingjie.boundary..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("cn.mingjie.facility..", "cn.mingjie.gazetteer..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("cn.mingjie.facility..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("cn.mingjie.boundary..")
                .check(classes);
    }

    @Test
    void dataDoesNotDependOnWeb() {
        noClasses()
                .that()
                .resideInAPackage("cn.mingjie.data..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("cn.mingjie.web..")
                .check(classes);
    }

    @Test
    void onlyWebKnowsHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackage("cn.mingjie.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..", "org.springframework.http.server..")
                .check(classes);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        SlicesRuleDefinition.slices()
                .matching("cn.mingjie.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("..internal.."))
                .allowEmptyShould(true)
                .check(classes);
    }
}
