-- The administrative-division register (行政区划) as versions in time, and the shared audit history.
-- Extensions are created by the cluster bootstrap too; repeating it keeps an external server working.
create extension if not exists postgis;
create extension if not exists btree_gist;

create table geo.division_version (
    version_id    bigserial primary key,
    code          varchar(12) not null check (code ~ '^[0-9]{12}$'),
    name          text not null check (name <> ''),
    level         smallint not null check (level between 1 and 5),
    parent_code   varchar(12),
    valid_from    date not null,
    valid_to      date,                               -- exclusive; null = still valid
    geom          geometry(MultiPolygon, 4490),
    geom_source   text,                               -- e.g. 'tianditu', 'derived:voronoi-of-seats'
    seat          geometry(Point, 4490),
    seat_source   text,
    source        text not null,                      -- edition or 'manual'
    change_reason text,
    row_version   integer not null default 1,
    check (valid_to is null or valid_to > valid_from),
    -- One code means one unit at a time: versions of a code never overlap.
    exclude using gist (code with =, daterange(valid_from, valid_to) with &&)
);
create index division_version_parent on geo.division_version (parent_code, valid_from);
create index division_version_level on geo.division_version (level, valid_from);
create index division_version_geom on geo.division_version using gist (geom);
create index division_version_name on geo.division_version (name);

create table geo.audit_event (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    actor       text not null,
    entity_type text not null,
    entity_id   text not null,
    action      text not null,
    before      jsonb,
    after       jsonb,
    reason      text not null
);
create index audit_event_entity on geo.audit_event (entity_type, entity_id, at);

-- Which sample datasets are loaded, so that loading twice changes nothing.
create table geo.dataset_load (
    dataset   text primary key,
    sha256    text not null,
    rows      integer not null,
    loaded_at timestamptz not null default now()
);
