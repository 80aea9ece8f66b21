package cn.mingjie.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(FacilityTestContext.class)
@DirtiesContext // each class gets its own fresh database: the constructed divisions overlap
class FacilityRegistryTest {

    static final String DISTRICT = "500152000000";
    static final String TOWN = "500152001000";
    static final String COMMUNITY = "500152001001";
    static final ChangeContext WHO = new ChangeContext("admin", "登记新设施");
    private static final GeometryFactory gf = new GeometryFactory();

    @Autowired
    FacilityRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void divisions(@Autowired DivisionRegister divisions) {
        TestDivisions.add(
                divisions,
                DISTRICT,
                "潼南区",
                3,
                "500100000000",
                "MULTIPOLYGON(((105.7 30.1, 105.9 30.1, 105.9 30.3, 105.7 30.3, 105.7 30.1)))");
        TestDivisions.add(divisions, TOWN, "桂林街道", 4, DISTRICT, null);
        TestDivisions.add(divisions, COMMUNITY, "莲花社区居民委员会", 5, TOWN, null);
    }

    static FacilityDraft station(String name, double lon, double lat) {
        return new FacilityDraft(
                FacilityType.COMMUNITY_STATION,
                name,
                null,
                COMMUNITY,
                gf.createPoint(new Coordinate(lon, lat)),
                "街道办",
                10,
                4,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void createUpdateAndDeleteAreAuditedAndGuardedByTheVersionTag() {
        Facility created = registry.create(station("莲花社区养老服务站", 105.8, 30.2), WHO);
        assertThat(created.versionTag()).isEqualTo(created.id() + ".1");
        assertThat(created.status()).isEqualTo(FacilityStatus.OPERATING);
        assertThat(created.published()).isTrue();

        FacilityDraft renamed = station("莲花社区养老服务站（新址）", 105.81, 30.2);
        Facility updated =
                registry.update(created.id(), renamed, created.versionTag(), new ChangeContext("admin", "迁址"));
        assertThat(updated.name()).isEqualTo("莲花社区养老服务站（新址）");
        assertThat(updated.rowVersion()).isEqualTo(2);

        // An edit based on the old version is refused and changes nothing.
        assertThatThrownBy(() -> registry.update(created.id(), station("X", 105.8, 30.2), created.versionTag(), WHO))
                .isInstanceOf(VersionConflictException.class);
        assertThat(registry.get(created.id(), true).name()).isEqualTo("莲花社区养老服务站（新址）");

        registry.delete(created.id(), updated.versionTag(), new ChangeContext("admin", "撤销"));
        assertThat(registry.find(created.id())).isEmpty();
        assertThat(registry.history(created.id()))
                .extracting(e -> e.action() + ":" + e.reason())
                .containsExactly("create:登记新设施", "update:迁址", "delete:撤销");
    }

    @Test
    void aDraftWithSeveralProblemsReportsThemAllByField() {
        FacilityDraft bad = new FacilityDraft(
                FacilityType.COMMUNITY_STATION,
                " ",
                null,
                "5001",
                gf.createPolygon(new Coordinate[] {
                    new Coordinate(105.8, 30.2),
                    new Coordinate(105.81, 30.2),
                    new Coordinate(105.81, 30.21),
                    new Coordinate(105.8, 30.2)
                }),
                null,
                5,
                9,
                null,
                null,
                100,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> registry.create(bad, WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("name", "error.name.required"),
                                org.assertj.core.groups.Tuple.tuple("divisionCode", "error.facility.division.format"),
                                org.assertj.core.groups.Tuple.tuple("geometry", "error.facility.geometry.point-only"),
                                org.assertj.core.groups.Tuple.tuple("nursingBeds", "error.facility.nursing-beds"),
                                org.assertj.core.groups.Tuple.tuple(
                                        "graveCapacity", "error.facility.capacity.cemetery-only")));
    }

    @Test
    void swappedLonLatLandsOutsideTheDistrictAndIsRefused() {
        assertThatThrownBy(() -> registry.create(station("错位", 30.2, 105.8), WHO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("geometry");
                            assertThat(p.messageKey()).isEqualTo("error.facility.geometry.outside");
                            assertThat(p.args()).containsExactly("潼南区");
                        }));
    }

    @Test
    void aCsvImportWithOneBadRowStoresNothingAndSaysWhere() {
        int before = count();
        String csv = "type,name,division_code,lon,lat,beds,nursing_beds\n"
                + "社区养老服务站,甲站,500152001001,105.80,30.20,10,2\n"
                + "COMMUNITY_STATION,乙站,500152001001,105.81,abc,10,2\n"
                + "养老院,丙院,500152001000,105.82,30.22,50,20\n";
        assertThatThrownBy(() -> registry.importAll(FacilityImport.csv(utf8(csv)), "test.csv", WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .contains("第3行.lat", "第3行.geometry", "第4行.type"));
        assertThat(count()).isEqualTo(before);

        String good = "type,name,division_code,lon,lat,beds,nursing_beds,opened_on,published\n"
                + "社区养老服务站,甲站,500152001001,105.80,30.20,10,2,2021-06-01,true\n"
                + "街道养老服务中心,桂林街道养老服务中心,500152001000,105.82,30.22,60,30,,否\n";
        List<Facility> imported = registry.importAll(FacilityImport.csv(utf8(good)), "test.csv", WHO);
        assertThat(imported).hasSize(2);
        assertThat(imported.get(1).type()).isEqualTo(FacilityType.STREET_CENTRE);
        assertThat(imported.get(1).published()).isFalse();
        assertThat(imported.get(0).source()).isEqualTo("test.csv");
        assertThat(count()).isEqualTo(before + 2);
        assertThat(registry.list(FacilityQuery.publishedIn("500152")))
                .extracting(Facility::name)
                .doesNotContain("桂林街道养老服务中心");
    }

    @Test
    void aGeoJsonImportTakesCemeteryPolygonsAndReportsFeatureIndexes() {
        String cemetery = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"type\":\"PUBLIC_CEMETERY\",\"name\":\"龙形公益性公墓\",\"division_code\":\"500152001000\","
                + "\"grave_capacity\":3000,\"niche_capacity\":500,\"land_area_m2\":20000},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105.80,30.20],[105.802,30.20],"
                + "[105.802,30.202],[105.80,30.202],[105.80,30.20]]]}}]}";
        List<Facility> imported = registry.importAll(FacilityImport.geoJson(utf8(cemetery)), "c.geojson", WHO);
        assertThat(imported.get(0).geometry()).isInstanceOf(Polygon.class);
        Point inside = imported.get(0).location();
        assertThat(imported.get(0).geometry().contains(inside)).isTrue();
        assertThat(imported.get(0).graveCapacity()).isEqualTo(3000);

        String bad = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"type\":\"FUNERAL_STATION\",\"name\":\"站\",\"division_code\":\"500152001000\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105.80,30.20],[105.802,30.20],"
                + "[105.802,30.202],[105.80,30.20]]]}}]}";
        assertThatThrownBy(() -> registry.importAll(FacilityImport.geoJson(utf8(bad)), "b.geojson", WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("features[0].geometry"));
        assertThatThrownBy(() -> registry.importAll(FacilityImport.geoJson(utf8("[1,2]")), "x.geojson", WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey)
                        .containsExactly("error.import.feature-collection"));
    }

    @Test
    void textIsStoredInNfc() {
        // A decomposed "é" (e + combining acute) comes back composed.
        Facility f = registry.create(station("Cafe\u0301 站", 105.8, 30.2), WHO);
        assertThat(f.name()).isEqualTo("Caf\u00e9 站");
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from facility.facility", Integer.class);
    }

    private static ByteArrayInputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
