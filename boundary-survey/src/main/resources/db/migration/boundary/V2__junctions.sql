-- Junctions of three units (三交点): the point where three lines meet, its three parties and lines.
create table boundary.junction (
    id            bigserial primary key,
    code          text not null unique check (code ~ '^[0-9A-Z-]{4,40}$'),
    name          text not null check (name <> ''),
    level         smallint not null check (level between 2 and 4),
    geom          geometry(Point, 4490) not null,
    geom_source   text not null,                 -- 'agreement', 'derived:shared-vertex:tianditu', ...
    notes         text,
    row_version   integer not null default 1
);
create index junction_geom_idx on boundary.junction using gist (geom);

create table boundary.junction_party (
    junction_id    bigint not null references boundary.junction (id) on delete cascade,
    division_code  varchar(12) not null check (division_code ~ '^[0-9]{12}$'),
    ordinal        smallint not null check (ordinal between 1 and 3),
    primary key (junction_id, division_code),
    unique (junction_id, ordinal)
);

create table boundary.junction_line (
    junction_id  bigint not null references boundary.junction (id) on delete cascade,
    line_id      bigint not null references boundary.line (id),
    primary key (junction_id, line_id)
);

-- A same-number triple (同号三立, C/D/E) stands at a junction; its markers say which.
alter table boundary.marker add column junction_id bigint references boundary.junction (id);
