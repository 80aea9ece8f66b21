package cn.mingjie.data;

import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.division.NewDivisionVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Turns the NBS editions (统计用区划代码) into division versions. NBS publishes snapshots, not change
 * dates, so each edition is taken as valid from its reference date and a difference between
 * editions becomes a new version from the later edition's date.
 */
@Component
public class DivisionEditionLoader {

    /** Reference dates (截止日期) of the NBS editions. */
    public static final LocalDate NBS_2021 = LocalDate.of(2021, 10, 31);

    public static final LocalDate NBS_2023 = LocalDate.of(2023, 6, 30);

    private static final Logger log = LoggerFactory.getLogger(DivisionEditionLoader.class);

    private final DivisionRegister register;

    public DivisionEditionLoader(DivisionRegister register) {
        this.register = register;
    }

    /** The first edition: every code not yet known opens a version from 2021-10-31. */
    int loadEdition2021(Resource csv) {
        Map<String, Division> current = register.currentVersions();
        List<NewDivisionVersion> opened = new ArrayList<>();
        for (CSVRecord r : SampleFiles.csv(csv)) {
            if (!current.containsKey(r.get("code"))) {
                opened.add(version(r, NBS_2021, "NBS2021", null));
            }
        }
        register.openAll(opened);
        return opened.size();
    }

    /**
     * The later edition: new codes open from 2023-06-30, changed codes close and reopen, and codes
     * that NBS 2021 had and 2023 lacks cease on that date.
     */
    int loadEdition2023(Resource csv) {
        Map<String, Division> current = register.currentVersions();
        Set<String> seen = new HashSet<>();
        List<NewDivisionVersion> opened = new ArrayList<>();
        int renamed = 0;
        for (CSVRecord r : SampleFiles.csv(csv)) {
            String code = r.get("code");
            seen.add(code);
            Division before = current.get(code);
            if (before == null) {
                opened.add(version(r, NBS_2023, "NBS2023", "NBS 2023 新增 / added in NBS 2023"));
            } else if (!sameUnit(before, r)) {
                register.close(before.versionId(), NBS_2023, null);
                opened.add(version(
                        r, NBS_2023, "NBS2023", "NBS 2023 更名 / renamed: " + before.name() + " → " + r.get("name")));
                renamed++;
            }
        }
        int ceased = 0;
        for (Division d : current.values()) {
            if (!seen.contains(d.code()) && "NBS2021".equals(d.source())) {
                register.close(d.versionId(), NBS_2023, "NBS 2023 撤销 / not in NBS 2023");
                ceased++;
            }
        }
        register.openAll(opened);
        log.info("NBS 2023: {} new, {} changed, {} ceased", opened.size() - renamed, renamed, ceased);
        return opened.size() + ceased;
    }

    private static boolean sameUnit(Division d, CSVRecord r) {
        return d.name().equals(r.get("name"))
                && d.level().number() == Integer.parseInt(r.get("level"))
                && Objects.equals(d.parentCode(), emptyToNull(r.get("parent_code")));
    }

    private static NewDivisionVersion version(CSVRecord r, LocalDate from, String source, String reason) {
        return new NewDivisionVersion(
                r.get("code"),
                r.get("name"),
                DivisionLevel.of(Integer.parseInt(r.get("level"))),
                emptyToNull(r.get("parent_code")),
                from,
                source,
                reason);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
