-- Reference data shipped with the sample that no module owns yet: GeoNames places and pinyin lists.
create table sample.geonames_place (
    geonameid       bigint primary key,
    name            text not null,
    ascii_name      text,
    alternate_names text[] not null default '{}',
    feature_code    text,
    population      bigint,
    geom            geometry(Point, 4490) not null,
    -- GeoNames codes a few Zhejiang places as Chongqing (kept upstream quirk); flagged at load.
    inside_chongqing boolean
);
create index geonames_place_geom on sample.geonames_place using gist (geom);

create table sample.pinyin_reference (
    id      bigserial primary key,
    source  text not null,  -- file the reading comes from
    word    text not null,
    pinyin  text not null,
    code    varchar(12)     -- division code where the source gives one
);
create index pinyin_reference_word on sample.pinyin_reference (word);
