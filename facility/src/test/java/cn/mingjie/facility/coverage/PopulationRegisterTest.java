package cn.mingjie.facility.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.facility.FacilityTestContext;
import cn.mingjie.facility.TestDivisions;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(FacilityTestContext.class)
@DirtiesContext // each class gets its own fresh database: the constructed divisions overlap
class PopulationRegisterTest {

    static final ChangeContext WHO = new ChangeContext("admin", "人口导入");
    static final String DISTRICT = "500112000000";
    static final String TOWN = "500112001000";
    static final String TOWN_POLYGON =
            "MULTIPOLYGON(((106.60 29.70, 106.62 29.70, 106.62 29.72, 106.60 29.72, 106.60 29.70)))";

    @Autowired
    PopulationRegister population;

    @Autowired
    DivisionRegister divisions;

    @BeforeAll
    static void divisions(@Autowired DivisionRegister divisions) {
        TestDivisions.add(divisions, DISTRICT, "渝北区", 3, "500100000000", null);
        TestDivisions.add(divisions, TOWN, "双凤桥街道", 4, DISTRICT, TOWN_POLYGON);
        for (int i = 1; i <= 5; i++) {
            TestDivisions.add(divisions, "50011200100" + i, "社区" + i + "居民委员会", 5, TOWN, null);
        }
    }

    @Test
    void aBadCsvRowRefusesTheWholeFileAndSaysWhere() {
        String csv =
                "division_code,population,source\n500112001001,1200,census\n500112001000,50,census\n500112001003,-4,\n";
        assertThatThrownBy(() -> population.importCsv(CoverageServiceTest.utf8(csv), WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("第3行.division_code", "第4行.population", "第4行.source"));
        // The valid first row was not stored either.
        assertThat(population.communities(DISTRICT))
                .filteredOn(c -> c.code().equals("500112001001"))
                .singleElement()
                .satisfies(c -> assertThat(c.population()).isNull());
    }

    @Test
    void derivedPointsLieInTheTownAreLabelledAndRepeatable() throws Exception {
        population.importCsv(
                CoverageServiceTest.utf8("division_code,population,source\n500112001002,800,synthetic-sample\n"), WHO);
        int derived = population.deriveMissingPoints(DISTRICT, 7);
        assertThat(derived).isEqualTo(5);
        List<Community> first = population.communities(DISTRICT);
        var town = new WKTReader().read(TOWN_POLYGON);
        assertThat(first).allSatisfy(c -> {
            assertThat(town.contains(c.point())).isTrue();
            assertThat(c.pointSource()).isEqualTo("derived:random-in-township seed=7");
            assertThat(c.hasDerivedPoint()).isTrue();
        });
        assertThat(first.get(1).population()).isEqualTo(800);
        // Nothing is left to derive; deriving again from scratch gives the same points.
        assertThat(population.deriveMissingPoints(DISTRICT, 7)).isZero();
        Point again = PopulationRegister.randomPointIn(
                org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(town),
                new java.util.Random(7 ^ Long.parseLong("500112001003")));
        assertThat(first.get(2).point().getX()).isEqualTo(again.getX());
        assertThat(first.get(2).point().getY()).isEqualTo(again.getY());
    }
}
