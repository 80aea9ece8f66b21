package cn.mingjie.facility.coverage;

import cn.mingjie.facility.Facility;
import cn.mingjie.facility.FacilityQuery;
import cn.mingjie.facility.FacilityRegistry;
import cn.mingjie.facility.FacilityType;
import cn.mingjie.facility.walking.StraightLineWalking;
import cn.mingjie.facility.walking.WalkingMethod;
import cn.mingjie.facility.walking.WalkingNetwork;
import cn.mingjie.facility.walking.WalkingNetworks;
import cn.mingjie.facility.walking.WalkingPace;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionQuery;
import cn.mingjie.geocore.division.DivisionRegister;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/**
 * Computes the plan's indicators for a district from the registry, the community populations and the
 * walking networks; nothing is cached, so a facility added is counted in the next report.
 */
@Service
public class CoverageService {

    /** The 15-minute elder-care circle (一刻钟养老服务圈). */
    public static final double CIRCLE_MINUTES = 15;
    /** How far the nearest facility is looked for; beyond it a community counts as "none within reach". */
    public static final double NEAREST_SEARCH_MINUTES = 60;

    private static final Set<FacilityType> ELDER_CARE = EnumSet.copyOf(Arrays.stream(FacilityType.values())
            .filter(t -> t.category() == FacilityType.Category.ELDER_CARE)
            .toList());

    private final FacilityRegistry registry;
    private final PopulationRegister population;
    private final CentralTowns centralTowns;
    private final DivisionRegister divisions;
    private final WalkingNetworks networks;

    public CoverageService(
            FacilityRegistry registry,
            PopulationRegister population,
            CentralTowns centralTowns,
            DivisionRegister divisions,
            WalkingNetworks networks) {
        this.registry = registry;
        this.population = population;
        this.centralTowns = centralTowns;
        this.divisions = divisions;
        this.networks = networks;
    }

    public DistrictReport report(String districtCode) {
        long started = System.nanoTime();
        Division district = divisions.get(districtCode, null);
        String prefix = districtCode.substring(0, 6);
        List<Facility> facilities = registry.list(FacilityQuery.publishedIn(prefix)).stream()
                .filter(Facility::isOperating)
                .toList();
        List<Community> communities = population.communities(districtCode);
        List<CommunityAccess> access = access(communities, of(facilities, f -> ELDER_CARE.contains(f.type())));
        Map<String, CommunityAccess> accessByCode = new LinkedHashMap<>();
        access.forEach(a -> accessByCode.put(a.code(), a));
        Set<String> central = centralTowns.codes();

        List<TownReport> towns = new ArrayList<>();
        for (Division town :
                divisions.list(new DivisionQuery(districtCode, DivisionLevel.TOWNSHIP, null, null, false, 1000, 0))) {
            List<Facility> here = of(facilities, f -> townOf(f.divisionCode()).equals(town.code()));
            List<CommunityAccess> people = access.stream()
                    .filter(a -> a.townCode().equals(town.code()))
                    .toList();
            int pop = people.stream().mapToInt(CommunityAccess::population).sum();
            int covered = people.stream()
                    .filter(a -> a.coveredWithin(CIRCLE_MINUTES))
                    .mapToInt(CommunityAccess::population)
                    .sum();
            double land = here.stream()
                    .filter(f -> ELDER_CARE.contains(f.type()) && f.landAreaM2() != null)
                    .mapToDouble(f -> f.landAreaM2().doubleValue())
                    .sum();
            List<CommunityAccess> urban =
                    people.stream().filter(CommunityAccess::urbanCommunity).toList();
            towns.add(new TownReport(
                    town.code(),
                    town.name(),
                    town.name().endsWith("街道"),
                    central.contains(town.code()),
                    pop,
                    covered,
                    pop == 0 ? 0 : 100.0 * covered / pop,
                    here.stream().anyMatch(f -> f.type() == FacilityType.STREET_CENTRE),
                    here.stream().anyMatch(CoverageService::isComprehensiveInstitution),
                    here.stream().anyMatch(f -> f.type() == FacilityType.FUNERAL_STATION),
                    land,
                    pop == 0 ? 0 : land / pop,
                    urban.size(),
                    (int) urban.stream().filter(CommunityAccess::hasStation).count(),
                    people.stream().anyMatch(CommunityAccess::fallback)));
        }

        List<String> methods = access.stream()
                .map(CommunityAccess::walkingMethod)
                .filter(m -> m != null)
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .toList();
        boolean fallback = access.stream().anyMatch(CommunityAccess::fallback) || methods.isEmpty();
        String methodText = methods.isEmpty() ? networks.fallback().method().id() : String.join(", ", methods);
        List<Indicator> indicators = indicators(towns, access, facilities, methodText, fallback);
        List<String> notes = notes(communities, fallback);
        return new DistrictReport(
                district.code(),
                district.name(),
                OffsetDateTime.now(),
                (System.nanoTime() - started) / 1_000_000,
                indicators,
                towns,
                access,
                towns.stream().filter(t -> t.subDistrict() && !t.hasCentre()).toList(),
                access.stream()
                        .filter(a -> a.urbanCommunity() && !a.hasStation())
                        .toList(),
                methods,
                fallback,
                notes);
    }

    /** A comprehensive institution (综合性养老机构): residential elder care with at least one bed. */
    static boolean isComprehensiveInstitution(Facility f) {
        return f.type().isResidentialElderCare() && f.beds() != null && f.beds() > 0;
    }

    private List<Indicator> indicators(
            List<TownReport> towns,
            List<CommunityAccess> access,
            List<Facility> facilities,
            String methodText,
            boolean fallback) {
        List<Indicator> list = new ArrayList<>();
        List<TownReport> subDistricts =
                towns.stream().filter(TownReport::subDistrict).toList();
        long withCentre = subDistricts.stream().filter(TownReport::hasCentre).count();
        list.add(share(
                "centre-per-sub-district",
                "一街道一中心（街道养老服务中心覆盖率）",
                "one elder-care centre per sub-district",
                withCentre,
                subDistricts.size()));
        int urban = towns.stream().mapToInt(TownReport::urbanCommunities).sum();
        int withStation =
                towns.stream().mapToInt(TownReport::urbanCommunitiesWithStation).sum();
        list.add(share(
                "station-per-community", "一社区一站（社区养老服务站覆盖率）", "one station per urban community", withStation, urban));
        long pop = access.stream().mapToLong(CommunityAccess::population).sum();
        long covered = access.stream()
                .filter(a -> a.coveredWithin(CIRCLE_MINUTES))
                .mapToLong(CommunityAccess::population)
                .sum();
        double coverage = pop == 0 ? 0 : 100.0 * covered / pop;
        list.add(new Indicator(
                "fifteen-minute-coverage",
                "一刻钟养老服务圈人口覆盖率" + (fallback ? "（估算）" : ""),
                "population within a 15-minute walk of elder care" + (fallback ? " (estimate)" : ""),
                coverage,
                100,
                "%",
                pop > 0 && covered == pop,
                String.format("%.1f%%（%d/%d 人）", coverage, covered, pop),
                methodText,
                fallback));
        long withInstitution =
                towns.stream().filter(TownReport::hasComprehensiveInstitution).count();
        list.add(share(
                "institution-per-town",
                "乡镇（街道）综合性养老机构覆盖率",
                "towns with a comprehensive elder-care institution",
                withInstitution,
                towns.size()));
        double land = towns.stream().mapToDouble(TownReport::elderCareLandM2).sum();
        double perResident = pop == 0 ? 0 : land / pop;
        list.add(new Indicator(
                "land-per-resident",
                "人均养老服务设施用地",
                "elder-care facility land per resident",
                perResident,
                0.2,
                "m²/人",
                pop > 0 && perResident >= 0.2,
                String.format("%.3f m²/人（%.0f m² / %d 人）", perResident, land, pop),
                null,
                false));
        long publicCemeteries = facilities.stream()
                .filter(f -> f.type() == FacilityType.PUBLIC_CEMETERY)
                .count();
        long commercialCemeteries = facilities.stream()
                .filter(f -> f.type() == FacilityType.COMMERCIAL_CEMETERY)
                .count();
        list.add(count("public-cemetery", "城市公益性公墓", "public cemeteries", publicCemeteries, 1));
        list.add(count("commercial-cemetery", "经营性公墓", "commercial cemeteries", commercialCemeteries, 2));
        List<TownReport> central =
                towns.stream().filter(TownReport::centralTown).toList();
        long centralWithStation =
                central.stream().filter(TownReport::hasFuneralStation).count();
        list.add(
                central.isEmpty()
                        ? new Indicator(
                                "funeral-station-central-towns",
                                "中心镇殡仪服务站覆盖率",
                                "central towns with a funeral service station",
                                0,
                                100,
                                "%",
                                false,
                                "未指定中心镇 / no central towns designated",
                                null,
                                false)
                        : share(
                                "funeral-station-central-towns",
                                "中心镇殡仪服务站覆盖率",
                                "central towns with a funeral service station",
                                centralWithStation,
                                central.size()));
        return list;
    }

    private static Indicator share(String key, String name, String nameEn, long achieved, long total) {
        double value = total == 0 ? 100 : 100.0 * achieved / total;
        String figure = total == 0 ? "无适用单位 / none applicable" : String.format("%.1f%%（%d/%d）", value, achieved, total);
        return new Indicator(key, name, nameEn, value, 100, "%", achieved == total, figure, null, false);
    }

    private static Indicator count(String key, String name, String nameEn, long count, long target) {
        return new Indicator(
                key, name, nameEn, count, target, "个", count >= target, count + " / " + target, null, false);
    }

    private List<String> notes(List<Community> communities, boolean fallback) {
        List<String> notes = new ArrayList<>();
        if (fallback) {
            notes.add("步行时间为估算：无路网处按直线距离×" + WalkingPace.DETOUR_FACTOR + "、步速 " + WalkingPace.KM_PER_HOUR
                    + " km/h 计算 / walking times estimated in a straight line ×" + WalkingPace.DETOUR_FACTOR
                    + " at " + WalkingPace.KM_PER_HOUR + " km/h where no road network is loaded");
        }
        if (communities.stream().anyMatch(c -> "synthetic-sample".equals(c.populationSource()))) {
            notes.add("人口为合成样例数据，非统计数据 / population figures are synthetic sample values");
        }
        if (communities.stream().anyMatch(Community::hasDerivedPoint)) {
            notes.add("社区位置为派生示意点（在派生乡镇面内随机生成）/ community positions are derived, not surveyed");
        }
        long unlocated = communities.stream().filter(c -> c.point() == null).count();
        if (unlocated > 0) {
            notes.add(unlocated + " 个社区/村无位置，未计入步行覆盖 / communities without a position are not counted");
        }
        return notes;
    }

    /** Walking time from every located community to its nearest facility in {@code targets}. */
    List<CommunityAccess> access(List<Community> communities, List<Facility> targets) {
        List<Community> located =
                communities.stream().filter(c -> c.point() != null).toList();
        List<Point> points = located.stream().map(Community::point).toList();
        double[] best = new double[located.size()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Facility[] bestFacility = new Facility[located.size()];
        WalkingMethod[] bestMethod = new WalkingMethod[located.size()];
        for (Facility f : targets) {
            Point origin = f.location();
            WalkingNetwork net = networks.at(origin);
            // A walk is never shorter than the straight line: skip communities that cannot be in reach.
            double reach = NEAREST_SEARCH_MINUTES * WalkingPace.METRES_PER_MINUTE;
            List<Integer> onNetwork = new ArrayList<>();
            List<Integer> offNetwork = new ArrayList<>();
            for (int i = 0; i < located.size(); i++) {
                if (StraightLineWalking.metres(origin, points.get(i)) <= reach) {
                    (net.covers(points.get(i)) ? onNetwork : offNetwork).add(i);
                }
            }
            update(net, origin, onNetwork, points, f, best, bestFacility, bestMethod);
            update(networks.fallback(), origin, offNetwork, points, f, best, bestFacility, bestMethod);
        }
        Set<String> stations = targets.stream()
                .filter(f -> f.type() == FacilityType.COMMUNITY_STATION)
                .map(Facility::divisionCode)
                .collect(Collectors.toSet());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < located.size(); i++) {
            index.put(located.get(i).code(), i);
        }
        List<CommunityAccess> result = new ArrayList<>();
        for (Community c : communities) {
            Integer i = index.get(c.code());
            boolean reached = i != null && bestFacility[i] != null;
            WalkingMethod method = i == null ? null : bestMethod[i];
            result.add(new CommunityAccess(
                    c.code(),
                    c.name(),
                    c.townCode(),
                    c.townName(),
                    c.populationOrZero(),
                    c.populationSource(),
                    c.point() == null ? null : c.point().getX(),
                    c.point() == null ? null : c.point().getY(),
                    c.pointSource(),
                    c.isUrbanCommunity(),
                    stations.contains(c.code()),
                    reached ? best[i] : null,
                    reached ? bestFacility[i].id() : null,
                    reached ? bestFacility[i].name() : null,
                    method == null ? null : method.id(),
                    method == null || method.fallback()));
        }
        return result;
    }

    private static void update(
            WalkingNetwork net,
            Point origin,
            List<Integer> which,
            List<Point> points,
            Facility f,
            double[] best,
            Facility[] bestFacility,
            WalkingMethod[] bestMethod) {
        if (which.isEmpty()) {
            return;
        }
        double[] minutes = net.minutesTo(origin, which.stream().map(points::get).toList(), NEAREST_SEARCH_MINUTES);
        for (int j = 0; j < minutes.length; j++) {
            int i = which.get(j);
            if (minutes[j] < best[i]) {
                best[i] = minutes[j];
                bestFacility[i] = f;
                bestMethod[i] = net.method();
            }
        }
    }

    /**
     * Suggests {@code k} new station sites among the district's community points that bring the most
     * uncovered population within {@link #CIRCLE_MINUTES}; greedy, with the exact optimum and the gap
     * when the number of k-subsets allows enumeration.
     */
    public SiteSuggestion suggestSites(String districtCode, int k) {
        List<CommunityAccess> access = report(districtCode).communities().stream()
                .filter(a -> a.lon() != null)
                .toList();
        List<CommunityAccess> demand = access.stream()
                .filter(a -> !a.coveredWithin(CIRCLE_MINUTES) && a.population() > 0)
                .toList();
        long[] weights = demand.stream().mapToLong(CommunityAccess::population).toArray();
        List<Point> demandPoints = demand.stream().map(CoverageService::point).toList();
        List<BitSet> covers = new ArrayList<>();
        Set<String> methods = new TreeSet<>();
        for (CommunityAccess candidate : access) {
            Point origin = point(candidate);
            WalkingNetwork net = networks.at(origin);
            BitSet reach = new BitSet();
            double straight = CIRCLE_MINUTES * WalkingPace.METRES_PER_MINUTE;
            for (int i = 0; i < demandPoints.size(); i++) {
                Point p = demandPoints.get(i);
                if (StraightLineWalking.metres(origin, p) <= straight) {
                    WalkingNetwork used = net.covers(p) ? net : networks.fallback();
                    if (used.minutesTo(origin, List.of(p), CIRCLE_MINUTES)[0] <= CIRCLE_MINUTES) {
                        reach.set(i);
                        methods.add(used.method().id());
                    }
                }
            }
            covers.add(reach);
        }
        MaximalCovering problem = MaximalCovering.of(covers, weights);
        MaximalCovering.Solution greedy = problem.greedy(k);
        var exact = problem.exact(k);
        List<SiteSuggestion.Site> sites = new ArrayList<>();
        BitSet covered = new BitSet();
        for (int c : greedy.chosen()) {
            BitSet gain = (BitSet) covers.get(c).clone();
            gain.andNot(covered);
            covered.or(covers.get(c));
            long added = gain.stream().mapToLong(i -> weights[i]).sum();
            CommunityAccess a = access.get(c);
            sites.add(new SiteSuggestion.Site(a.code(), a.name(), a.lon(), a.lat(), added));
        }
        boolean fallback = methods.isEmpty() || methods.stream().anyMatch(m -> m.startsWith("fallback"));
        return new SiteSuggestion(
                districtCode,
                k,
                CIRCLE_MINUTES,
                access.size(),
                Arrays.stream(weights).sum(),
                sites,
                greedy.covered(),
                exact.map(MaximalCovering.Solution::covered).orElse(null),
                exact.map(e -> e.covered() == 0 ? 0.0 : 100.0 * (e.covered() - greedy.covered()) / e.covered())
                        .orElse(null),
                methods.isEmpty() ? networks.fallback().method().id() : String.join(", ", methods),
                fallback);
    }

    /** The nearest published, operating facilities of the given types from a point, by walking time. */
    public List<NearestFacility> nearest(Point from, Set<FacilityType> types, int limit) {
        List<Facility> candidates = registry.list(new FacilityQuery(types, null, false)).stream()
                .filter(Facility::isOperating)
                .sorted(Comparator.comparingDouble(f -> StraightLineWalking.metres(from, f.location())))
                .limit(Math.max(10, limit * 3L))
                .toList();
        List<NearestFacility> result = new ArrayList<>();
        for (Facility f : candidates) {
            networks.between(from, f.location())
                    .route(from, f.location())
                    .or(() -> networks.fallback().route(from, f.location()))
                    .ifPresent(r -> result.add(new NearestFacility(f, r)));
        }
        result.sort(Comparator.comparingDouble(n -> n.route().minutes()));
        return result.subList(0, Math.min(limit, result.size()));
    }

    private static Point point(CommunityAccess a) {
        return new org.locationtech.jts.geom.GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4490)
                .createPoint(new org.locationtech.jts.geom.Coordinate(a.lon(), a.lat()));
    }

    private static List<Facility> of(List<Facility> facilities, Predicate<Facility> filter) {
        return facilities.stream().filter(filter).toList();
    }

    static String townOf(String divisionCode) {
        return divisionCode.substring(0, 9) + "000";
    }
}
