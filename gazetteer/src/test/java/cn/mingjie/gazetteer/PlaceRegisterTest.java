package cn.mingjie.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(GazetteerTestContext.class)
class PlaceRegisterTest {

    static final ChangeContext WHO = new ChangeContext("tester", "测试");
    static final String MIXIN_COMMUNITY = "500152108001";

    @Autowired
    PlaceRegister register;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GazetteerTestContext.DivisionsLoaded loaded;

    @Test
    void divisionsArePlacesReadFromTheDivisionRegisterWithoutCopies() {
        assertThat(loaded.places()).isGreaterThan(1300);
        long placeId = register.placeOfDivision(MIXIN_COMMUNITY).orElseThrow();
        // No copy: the register has no version rows of its own for a division.
        assertThat(jdbc.queryForObject(
                        "select count(*) from gazetteer.place_version where place_id = ?", Integer.class, placeId))
                .isZero();
        // The real NBS 2021 → 2023 rename, answered "as of" either side of 2023-06-30.
        assertThat(register.get(placeId, LocalDate.of(2022, 1, 1)).name()).isEqualTo("米心镇社区居民委员会");
        assertThat(register.get(placeId, LocalDate.of(2023, 6, 30)).name()).isEqualTo("长河源社区居民委员会");
        assertThat(register.find(placeId, LocalDate.of(2021, 10, 30))).isEmpty();
        Place place = register.place(placeId);
        assertThat(place.versions()).extracting(PlaceVersion::endReason).containsExactly("renamed", null);
        assertThat(place.historicalNames()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("米心镇社区居民委员会");
            assertThat(h.validTo()).isEqualTo(LocalDate.of(2023, 6, 30));
        });
        assertThat(register.get(placeId, null).categoryCode()).isEqualTo("21620");
        assertThat(register.get(register.placeOfDivision("500152108000").orElseThrow(), null)
                        .categoryCode())
                .isEqualTo("11400");

        // A later division rename is seen by the register at once.
        String tag = jdbc.queryForObject(
                "select version_id || '.' || row_version from geo.division_version where code = ? and valid_to is null",
                String.class,
                "500152108000");
        List<PlaceVersion> before = register.list(new PlaceQuery("米心镇", null, "500152", null, null, false, 10, 0));
        assertThat(before).extracting(PlaceVersion::name).contains("米心镇");
        assertThat(tag).isNotBlank();
    }

    @Test
    void listsAsOfADateAndFindsOldNamesOnlyWhenAskedForHistoricalNames() {
        PlaceQuery old2022 = new PlaceQuery("米心镇社区", null, "500152", null, LocalDate.of(2022, 5, 1), false, 10, 0);
        assertThat(register.list(old2022)).extracting(PlaceVersion::name).containsExactly("米心镇社区居民委员会");
        PlaceQuery oldToday = new PlaceQuery("米心镇社区", null, "500152", null, null, false, 10, 0);
        assertThat(register.list(oldToday)).isEmpty();
        PlaceQuery historical = new PlaceQuery("米心镇社区", null, "500152", null, null, true, 10, 0);
        assertThat(register.list(historical)).extracting(PlaceVersion::name).containsExactly("长河源社区居民委员会");
        // 23 townships of 潼南 in both editions.
        PlaceQuery townships = new PlaceQuery(null, "11400", "500152", null, LocalDate.of(2022, 1, 1), false, 100, 0);
        assertThat(register.list(townships)).hasSize(23);
    }

    @Test
    void createsVersionsAndKeepsEveryEarlierNameWithItsValidity() {
        PlaceVersion v1 = register.create(
                Places.road("兴潼", "路", "LINESTRING (105.80 30.18, 105.81 30.185)"),
                LocalDate.of(2020, 5, 1),
                "test",
                WHO);
        long id = v1.placeId();
        assertThat(v1.name()).isEqualTo("兴潼路");
        assertThat(v1.versionTag()).startsWith("r");

        PlaceVersion v2 = register.revise(
                id,
                PlaceDraft.of(v1).withName("兴潼", "大道"),
                LocalDate.of(2024, 3, 1),
                "renamed",
                v1.versionTag(),
                new ChangeContext("approver", "道路拓宽后更名"));
        assertThat(v2.name()).isEqualTo("兴潼大道");
        assertThat(register.get(id, LocalDate.of(2024, 2, 29)).name()).isEqualTo("兴潼路");
        assertThat(register.get(id, LocalDate.of(2024, 3, 1)).name()).isEqualTo("兴潼大道");
        assertThat(register.place(id).historicalNames())
                .extracting(HistoricalName::name)
                .containsExactly("兴潼路");

        // The stale tag of version 1 is refused with the current tag; nothing changes.
        assertThatThrownBy(() -> register.revise(
                        id,
                        PlaceDraft.of(v1).withName("兴潼", "街"),
                        LocalDate.of(2025, 1, 1),
                        "renamed",
                        v1.versionTag(),
                        WHO))
                .isInstanceOf(VersionConflictException.class);
        assertThat(register.place(id).versions()).hasSize(2);

        // Ceasing keeps it findable as of before, and not after.
        PlaceVersion closed = register.cease(id, LocalDate.of(2025, 1, 1), v2.versionTag(), WHO);
        assertThat(closed.endReason()).isEqualTo("ceased");
        assertThat(register.find(id, LocalDate.of(2025, 1, 2))).isEmpty();
        assertThat(register.place(id).ceased()).isTrue();
        assertThat(audit.history("place", Long.toString(id)))
                .extracting(e -> e.action())
                .containsExactly("create", "rename", "cease");
    }

    @Test
    void aStandardNameNeedsMeaningOriginAndDescription() {
        PlaceDraft bare = Places.road("无义", "路", "POINT (105.8 30.18)").withStatusAndNotes("standard", null, " ", null);
        assertThatThrownBy(() -> register.create(bare, LocalDate.of(2024, 1, 1), "test", WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly("meaning", "origin", "description"));
        // Recorded (not yet standard) names may lack them.
        PlaceVersion recorded = register.create(
                bare.withStatusAndNotes("recorded", null, null, null), LocalDate.of(2024, 1, 1), "test", WHO);
        assertThat(recorded.status()).isEqualTo("recorded");
    }

    @Test
    void refusesSwappedCoordinatesUnknownCategoriesAndInvalidGeometry() {
        PlaceDraft swapped = Places.road("倒置", "路", "POINT (30.18 105.8)");
        assertThatThrownBy(() -> register.create(swapped, LocalDate.of(2024, 1, 1), "test", WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey())
                        .containsExactly("error.place.geometry-range"));
        PlaceDraft bowtie =
                Places.road("领结", "路", "POLYGON ((105.8 30.1, 105.9 30.2, 105.9 30.1, 105.8 30.2, 105.8 30.1))");
        assertThatThrownBy(() -> register.create(bowtie, LocalDate.of(2024, 1, 1), "test", WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey())
                        .containsExactly("error.place.geometry-invalid"));
    }

    @Test
    void correctionsStayInTheVersionButNameAndLargeMovesNeedANewOne() {
        PlaceVersion v1 =
                register.create(Places.road("修正", "路", "POINT (105.80 30.18)"), LocalDate.of(2020, 5, 1), "test", WHO);
        PlaceDraft nearby = new PlaceDraft(
                v1.properName(),
                v1.genericName(),
                "Xiuzheng Lu",
                null,
                List.of("修正街"),
                v1.categoryCode(),
                v1.divisionCode(),
                v1.meaning(),
                v1.origin(),
                "更准确的描述",
                null,
                2020,
                null,
                v1.sources(),
                "surveyed",
                Places.wkt("POINT (105.8002 30.1801)"),
                "standard");
        PlaceVersion corrected = register.correct(v1.placeId(), nearby, v1.versionTag(), WHO);
        assertThat(corrected.description()).isEqualTo("更准确的描述");
        assertThat(corrected.versionTag()).isNotEqualTo(v1.versionTag());
        assertThat(register.place(v1.placeId()).versions()).hasSize(1);

        PlaceDraft farAway = new PlaceDraft(
                nearby.properName(),
                nearby.genericName(),
                nearby.romanization(),
                null,
                nearby.aliases(),
                nearby.categoryCode(),
                nearby.divisionCode(),
                nearby.meaning(),
                nearby.origin(),
                nearby.description(),
                null,
                2020,
                null,
                nearby.sources(),
                "surveyed",
                Places.wkt("POINT (105.85 30.18)"),
                "standard");
        assertThatThrownBy(() -> register.correct(v1.placeId(), farAway, corrected.versionTag(), WHO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("geometry"));
        assertThatThrownBy(
                        () -> register.correct(v1.placeId(), nearby.withName("改名", "路"), corrected.versionTag(), WHO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("properName"));
    }

    @Test
    void deprecatedIsAWrongRecordAndCeasedIsAFormerTruth() {
        PlaceVersion wrong =
                register.create(Places.road("误录", "路", "POINT (105.80 30.18)"), LocalDate.of(2020, 5, 1), "test", WHO);
        PlaceVersion right =
                register.create(Places.road("武陆", "路", "POINT (105.80 30.18)"), LocalDate.of(2020, 5, 1), "test", WHO);
        Place deprecated =
                register.deprecate(wrong.placeId(), "普查录入错误，实为武陆路", right.placeId(), wrong.versionTag(), WHO);
        assertThat(deprecated.deprecated()).isTrue();
        assertThat(deprecated.supersededBy()).containsExactly(right.placeId());
        assertThat(register.place(right.placeId()).supersedes()).containsExactly(wrong.placeId());
        // Left out of listings, unlike a ceased place, which stays as of its time.
        assertThat(register.list(new PlaceQuery("误录", null, null, null, LocalDate.of(2021, 1, 1), false, 10, 0)))
                .isEmpty();
        assertThatThrownBy(() -> register.revise(
                        wrong.placeId(),
                        PlaceDraft.of(wrong),
                        LocalDate.of(2021, 1, 1),
                        "changed",
                        wrong.versionTag(),
                        WHO))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aDivisionPlaceIsChangedOnlyThroughTheDivisionRegister() {
        long tongnan = register.placeOfDivision(Places.TONGNAN).orElseThrow();
        PlaceVersion v = register.get(tongnan, null);
        assertThat(v.fromDivision()).isTrue();
        assertThatThrownBy(() -> register.cease(tongnan, LocalDate.of(2025, 1, 1), v.versionTag(), WHO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("error.place.division-managed"));
    }
}
