-- Administrative boundary lines (行政区域界线), their markers (界桩), surveys, joint inspections (联检),
-- disputes and peaceful-boundary agreements. Geometry in CGCS2000 (EPSG:4490), lon/lat.

create table boundary.line (
    id               bigserial primary key,
    code             text not null unique check (code ~ '^[0-9A-Z-]{4,40}$'),
    name             text not null check (name <> ''),
    level            smallint not null check (level between 2 and 4),   -- level of the units it separates
    agreement_ref    text,                                             -- 协议书 reference
    legal_status     text not null check (legal_status in ('agreed', 'disputed')),
    geom             geometry(LineString, 4490) not null,
    geom_source      text not null,                                    -- 'agreement', 'derived:shared-edge:tianditu', ...
    notes            text,
    row_version      integer not null default 1
);
create index line_geom on boundary.line using gist (geom);

-- The units a line separates: two, or three where it ends in a junction (三交点) line set.
create table boundary.line_party (
    line_id        bigint not null references boundary.line (id) on delete cascade,
    division_code  varchar(12) not null check (division_code ~ '^[0-9]{12}$'),
    ordinal        smallint not null check (ordinal between 1 and 3),
    primary key (line_id, division_code),
    unique (line_id, ordinal)
);

create table boundary.marker (
    id               bigserial primary key,
    line_id          bigint not null references boundary.line (id),
    number           text not null unique,                    -- line code + 3-digit sequence + type
    sequence         smallint not null check (sequence between 1 and 999),
    marker_type      char(1) not null check (marker_type in ('Q', 'A', 'B', 'C', 'D', 'E')),
    material         text,
    geom             geometry(Point, 4490) not null,          -- the recorded (legally effective) position
    elevation_m      double precision,
    installed_on     date,
    responsible_code varchar(12),                             -- 管护责任 side
    condition        text not null,
    retired          boolean not null default false,
    row_version      integer not null default 1
);
create index marker_line on boundary.marker (line_id, sequence);

create table boundary.marker_reference (
    marker_id      bigint not null references boundary.marker (id) on delete cascade,
    ordinal        smallint not null check (ordinal between 1 and 3),
    name           text not null,
    true_bearing   double precision not null check (true_bearing >= 0 and true_bearing < 360),
    distance_m     double precision not null check (distance_m > 0),
    primary key (marker_id, ordinal)
);

create table boundary.marker_condition (
    id          bigserial primary key,
    marker_id   bigint not null references boundary.marker (id) on delete cascade,
    condition   text not null,
    observed_on date not null,
    note        text,
    actor       text not null
);

-- Observations of a marker's position. They never move the recorded position by themselves.
create table boundary.marker_survey (
    id            bigserial primary key,
    marker_id     bigint not null references boundary.marker (id) on delete cascade,
    surveyed_on   date not null,
    geom          geometry(Point, 4490) not null,
    elevation_m   double precision,
    accuracy_m    double precision not null check (accuracy_m > 0),  -- stated plane mean square error (中误差)
    method        text not null,
    source        text
);
create index marker_survey_marker on boundary.marker_survey (marker_id, surveyed_on);

-- Photos as bytes in the database: they commit, back up and restore with the records they document.
create table boundary.photo (
    id            bigserial primary key,
    marker_id     bigint references boundary.marker (id) on delete cascade,
    finding_id    bigint,
    content_type  text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes         bytea not null check (octet_length(bytes) <= 10485760),
    caption       text,
    taken_at      timestamptz,
    lon           double precision,
    lat           double precision,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null default now()
);

-- A change to a marker (add, move, retire, rebuild): both sides apply jointly; only approval changes the register.
create table boundary.marker_change (
    id               bigserial primary key,
    line_id          bigint not null references boundary.line (id),
    marker_id        bigint references boundary.marker (id),
    kind             text not null check (kind in ('add', 'move', 'retire', 'rebuild')),
    proposed         jsonb not null,
    applicant_sides  jsonb not null,                -- [{divisionCode, signatory}] of both sides
    reason           text not null,
    status           text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    applied_by       text not null,
    applied_at       timestamptz not null default now(),
    decided_by       text,
    decided_at       timestamptz,
    decision_ref     text,
    row_version      integer not null default 1
);

create table boundary.inspection (
    id               bigserial primary key,
    line_id          bigint not null references boundary.line (id),
    kind             text not null check (kind in ('periodic', 'ad-hoc')),
    round_year       smallint not null,
    lead_code        varchar(12) not null,
    supporting_code  varchar(12) not null,
    lead_team        text,
    supporting_team  text,
    inspected_on     date,
    desk_check       text,
    field_check      text,
    status           text not null default 'planned' check (status in ('planned', 'open', 'signed')),
    acknowledged     jsonb not null default '[]',  -- check findings both sides accepted before signing
    row_version      integer not null default 1
);

create table boundary.inspection_marker_finding (
    id             bigserial primary key,
    inspection_id  bigint not null references boundary.inspection (id) on delete cascade,
    marker_id      bigint not null references boundary.marker (id),
    condition      text not null,
    geom           geometry(Point, 4490),
    accuracy_m     double precision,
    note           text,
    client_id      text unique,                      -- the phone's id for an entry, so a resend is not a duplicate
    recorded_by    text not null,
    recorded_at    timestamptz not null default now()
);

create table boundary.inspection_other_finding (
    id             bigserial primary key,
    inspection_id  bigint not null references boundary.inspection (id) on delete cascade,
    kind           text not null,                    -- construction across the line, terrain change, ...
    description    text not null,
    geom           geometry(Point, 4490),
    client_id      text unique,
    recorded_by    text not null
);

create table boundary.inspection_signoff (
    inspection_id  bigint not null references boundary.inspection (id) on delete cascade,
    side_code      varchar(12) not null,
    signatory      text not null,
    signed_by      text not null,
    signed_at      timestamptz not null default now(),
    primary key (inspection_id, side_code)
);

create table boundary.dispute (
    id             bigserial primary key,
    line_id        bigint references boundary.line (id),
    title          text not null,
    parties        jsonb not null,                  -- division codes
    area           geometry(MultiPolygon, 4490),
    status         text not null check (status in ('negotiation', 'mediation', 'decision', 'closed')),
    opened_on      date not null,
    decision_ref   text,
    row_version    integer not null default 1
);

create table boundary.dispute_claim (
    id             bigserial primary key,
    dispute_id     bigint not null references boundary.dispute (id) on delete cascade,
    party_code     varchar(12) not null,
    geom           geometry(LineString, 4490) not null,
    note           text
);

create table boundary.peace_agreement (
    id             bigserial primary key,
    line_id        bigint not null references boundary.line (id),
    title          text not null,
    signed_on      date not null,
    renew_by       date not null,
    hazards        text,
    row_version    integer not null default 1,
    check (renew_by > signed_on)
);
