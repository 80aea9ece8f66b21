-- Map layers: the views the layer catalogue serves, and a change counter per source table that
-- tells tile caches when to let go (HTTP ETag of a tile = layer definition + data version).

-- One row per watched table; bumped once per writing statement by the trigger below. A counter
-- instead of max(row_version): it also moves on deletes and costs one primary-key read per request
-- where max() would scan 13 million rows.
create table layers.table_version (
    table_name text primary key,
    version    bigint not null default 0,
    changed_at timestamptz not null default now()
);

-- Other modules attach it to their own tables:
--   create trigger t after insert or update or delete or truncate on x.y
--   for each statement execute function layers.bump_table_version();
create function layers.bump_table_version() returns trigger language plpgsql as $$
begin
    insert into layers.table_version (table_name, version, changed_at)
    values (tg_table_schema || '.' || tg_table_name, 1, now())
    on conflict (table_name) do update
        set version = layers.table_version.version + 1, changed_at = now();
    return null;
end $$;

create trigger division_version_changed
    after insert or update or delete or truncate on geo.division_version
    for each statement execute function layers.bump_table_version();

-- 区县 (level 3), current versions.
create view layers.district as
select code, name, level, parent_code, valid_from, geom_source, geom
from geo.division_version
where level = 3 and valid_to is null and geom is not null;

-- 乡镇（街道） (level 4): in the sample only derived geometry exists (Voronoi cells of the seats).
create view layers.township as
select code, name, level, parent_code, valid_from, geom_source,
       geom_source like 'derived:%' as derived, geom
from geo.division_version
where level = 4 and valid_to is null and geom is not null;

-- 省界: the union of the districts. Materialized because the union costs far more than a tile;
-- the application refreshes it when the division data version moved (LayerDataVersions).
create materialized view layers.province_outline as
select '500000000000'::varchar(12) as code, p.name, st_multi(st_union(d.geom))::geometry(MultiPolygon, 4490) as geom
from geo.division_version d
join geo.division_version p on p.code = '500000000000' and p.valid_to is null
where d.level = 3 and d.valid_to is null and d.geom is not null
group by p.name
with no data;
create unique index province_outline_code on layers.province_outline (code);
create index province_outline_geom on layers.province_outline using gist (geom);

-- Which data version each materialized view was last refreshed at.
create table layers.materialized_state (
    view_name          text primary key,
    refreshed_at_version bigint not null
);
