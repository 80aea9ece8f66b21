#!/usr/bin/env python3
"""Generates the SYNTHETIC facility sample of Mingjie for 潼南区, 渝北区 and 城口县.

There is no public facility list for Chongqing, so every row written here is invented, from the NBS 2023
division list (../divisions/cq_divisions_nbs2023.csv) and a fixed random seed, with gaps on purpose so
that the indicators have something to find. Run from this directory: python3 generate_sample.py
"""
import csv
import random

SEED = 20251123
DISTRICTS = ["500152", "500112", "500229"]  # 潼南区, 渝北区, 城口县
rng = random.Random(SEED)

with open("../divisions/cq_divisions_nbs2023.csv", encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if r["code"][:6] in DISTRICTS]
towns = [r for r in rows if r["level"] == "4"]
communities = [r for r in rows if r["level"] == "5"]


def short(name):
    return name.replace("居民委员会", "").replace("村民委员会", "")


with open("community_population_synthetic.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["division_code", "population", "source"])
    for c in communities:
        urban = "社区" in c["name"]
        w.writerow([c["code"], rng.randint(3000, 12000) if urban else rng.randint(800, 3500), "synthetic-sample"])

central = []
with open("central_towns_synthetic.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["division_code", "name", "source"])
    for d in DISTRICTS:
        rural = [t for t in towns if t["code"].startswith(d) and t["name"].endswith("镇")]
        for t in rng.sample(rural, min(3, len(rural))):
            central.append(t["code"])
            w.writerow([t["code"], t["name"], "synthetic-sample"])

COLUMNS = ["type", "name", "division_code", "anchor", "offset_m", "operator", "beds", "nursing_beds",
           "floor_area_m2", "land_area_m2", "grave_capacity", "niche_capacity", "opened_on", "status", "published"]
out = []


def add(type_, name, code, anchor, offset_m=0, operator="", beds="", nursing="", floor="", land="", graves="",
        niches="", status="OPERATING", published="true"):
    opened = f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-01" if status == "OPERATING" else ""
    out.append([type_, name, code, anchor, offset_m, operator, beds, nursing, floor, land, graves, niches, opened,
                status, published])


for d in DISTRICTS:
    dtowns = [t for t in towns if t["code"].startswith(d)]
    for t in dtowns:
        if t["name"].endswith("街道"):
            if rng.random() < 0.7:  # gap: about 3 in 10 sub-districts have no centre
                beds = rng.randint(30, 80)
                add("STREET_CENTRE", t["name"] + "养老服务中心", t["code"], "seat", 0, t["name"] + "办事处", beds,
                    beds // 2, rng.randint(1500, 4000), rng.randint(800, 2000))
        elif rng.random() < 0.4:  # gap: most towns have no comprehensive institution (the plan starts at 32 %)
            beds = rng.randint(20, 60)
            add("RURAL_NURSING_HOME", t["name"] + "敬老院", t["code"], "seat", 300, t["name"] + "人民政府", beds,
                beds // 3, rng.randint(1000, 3000), rng.randint(1500, 4000))
    subs = [t for t in dtowns if t["name"].endswith("街道")] or dtowns
    for t in rng.sample(subs, min(2, len(subs))):
        beds = rng.randint(100, 300)
        add("ELDER_INSTITUTION", t["name"] + "康养中心（样例）", t["code"], "seat", 800, "样例养老服务有限公司", beds,
            beds // 2, rng.randint(5000, 12000), rng.randint(4000, 9000))
    add("DISABLED_CARE_CENTRE", dtowns[0]["name"] + "失能特困人员集中照护中心", dtowns[0]["code"], "seat", 1200,
        "区县民政局", 120, 100, 6000, 5000)
    for c in [c for c in communities if c["code"].startswith(d) and "社区" in c["name"]]:
        r = rng.random()
        if r < 0.55:  # gap: nearly half of the urban communities have no station
            add("COMMUNITY_STATION", short(c["name"]) + "养老服务站", c["code"], "community", 0, short(c["name"]),
                rng.choice(["", 4, 6, 8]), "", rng.randint(200, 600), rng.randint(100, 300))
        elif r < 0.62:
            add("NEIGHBOURHOOD_POINT", short(c["name"]) + "小区养老服务点", c["code"], "community", 150, "物业",
                "", "", rng.randint(60, 150), "")
    seat_town = dtowns[0]
    if d != "500229":  # gap: 城口县 has no public cemetery
        add("PUBLIC_CEMETERY", seat_town["name"] + "公益性公墓", seat_town["code"], "square:300", 3000, "区县民政局",
            graves=rng.randint(3000, 8000), niches=rng.randint(500, 2000), land=90000)
    add("COMMERCIAL_CEMETERY", dtowns[-1]["name"] + "陵园（样例）", dtowns[-1]["code"], "square:250", 2500,
        "样例陵园有限公司", graves=rng.randint(5000, 15000), niches=rng.randint(0, 3000), land=62500)
    add("FUNERAL_HOME", seat_town["name"] + "殡仪馆", seat_town["code"], "seat", 2000, "区县殡葬事业单位")
    for code in [c for c in central if c.startswith(d)][:2]:  # gap: the third central town has no station
        t = next(t for t in dtowns if t["code"] == code)
        add("FUNERAL_STATION", t["name"] + "殡仪服务站", code, "seat", 500, t["name"] + "人民政府")
    t = dtowns[len(dtowns) // 2]
    add("COMMUNITY_STATION", t["name"] + "规划养老服务站（未发布）", t["code"], "seat", 400, "", status="PLANNED",
        published="false")

with open("facilities_synthetic.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(COLUMNS)
    w.writerows(out)
print(len(communities), "communities,", len(central), "central towns,", len(out), "facilities")
