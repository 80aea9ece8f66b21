-- Civil-affairs facilities (民政设施) and the population of communities used by the coverage indicators.

create table facility.facility (
    id              bigserial primary key,
    type            text not null,                     -- FacilityType name, e.g. COMMUNITY_STATION
    name            text not null check (name <> ''),
    place_ref       text,                              -- gazetteer entry id where there is one (no FK: other module)
    division_code   varchar(12) not null check (division_code ~ '^[0-9]{12}$'),
    geom            geometry(Geometry, 4490) not null
                    check (geometrytype(geom) in ('POINT', 'POLYGON', 'MULTIPOLYGON')),
    operator        text,
    beds            integer check (beds >= 0),
    nursing_beds    integer check (nursing_beds >= 0),
    floor_area_m2   numeric(12, 1) check (floor_area_m2 >= 0),
    land_area_m2    numeric(12, 1) check (land_area_m2 >= 0),
    grave_capacity  integer check (grave_capacity >= 0),
    niche_capacity  integer check (niche_capacity >= 0),
    opened_on       date,
    status          text not null default 'OPERATING',  -- PLANNED, UNDER_CONSTRUCTION, OPERATING, CLOSED
    published       boolean not null default true,
    source          text not null,                     -- 'manual', an import file name, or 'synthetic-sample'
    row_version     integer not null default 1,
    check (nursing_beds is null or beds is null or nursing_beds <= beds)
);
create index facility_geom on facility.facility using gist (geom);
create index facility_division on facility.facility (division_code);
create index facility_type on facility.facility (type);

-- Population of a community or village (division level 5). Level-5 divisions carry no geometry, so a
-- representative point is kept here with where it came from (e.g. 'derived:random-in-township seed=…').
create table facility.community_population (
    division_code     varchar(12) primary key check (division_code ~ '^[0-9]{12}$'),
    population        integer check (population >= 0),      -- null: not known yet (a derived point may come first)
    population_source text,                            -- e.g. 'synthetic-sample', a census table
    point             geometry(Point, 4490),
    point_source      text
);
create index community_population_point on facility.community_population using gist (point);

-- Towns designated as central towns (中心镇) in the plan: funeral service stations are expected there.
create table facility.central_town (
    division_code varchar(12) primary key check (division_code ~ '^[0-9]{12}$'),
    source        text not null
);
