package cn.mingjie.facility.walking;

/**
 * The walking assumptions of the 15-minute elder-care circle.
 *
 * <p>Speed 4.5 km/h (75 m/min): the comfortable walking speed of people in their seventies is about
 * 1.25–1.35 m/s (Bohannon 1997, "Comfortable and maximum walking speed of adults aged 20–79 years",
 * Age and Ageing 26:15–19); 1.25 m/s = 4.5 km/h. With it a 15-minute walk is 1,125 m of path, close
 * to the 800–1,000 m walking radius of the 15-minute life circle in GB 50180-2018 (城市居住区规划设计标准).
 *
 * <p>Detour factor 1.3 (fallback only): the ratio of road-network distance to straight-line distance
 * ("circuity") measured for road networks is mostly 1.2–1.4 (Ballou, Rahardja and Sakai 2002,
 * "Selected country circuity factors for road travel distance estimation", Transportation Research
 * Part A 36:843–848); 1.3 is the middle of that range. A real network is always preferred.
 */
public final class WalkingPace {

    public static final double KM_PER_HOUR = 4.5;
    public static final double METRES_PER_MINUTE = KM_PER_HOUR * 1000 / 60;
    public static final double DETOUR_FACTOR = 1.3;

    private WalkingPace() {}
}
