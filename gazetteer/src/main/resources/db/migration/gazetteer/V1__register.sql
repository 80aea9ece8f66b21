-- The standard place-name register (标准地名): places with versions in time, naming cases,
-- protection lists and signs. Administrative divisions are places too, but their names, history
-- and geometry stay in geo.division_version (one source of truth): a division place only links to
-- its code and the view gazetteer.place_version_all reads the division versions through that link.

-- Place-name categories (地名类别) with the 5-digit codes of the national database; the rows and
-- their provenance are listed in docs/gazetteer.md. uniqueness_scope is the area within which
-- 地名管理条例 (2022) Art. 9 forbids duplicates for names of that category.
create table gazetteer.category (
    code             varchar(5) primary key check (code ~ '^[0-9]{5}$'),
    name             text not null,
    name_en          text not null,
    major_class      text not null,
    uniqueness_scope text not null check (uniqueness_scope in ('MUNICIPALITY', 'COUNTY', 'BUILT_UP_AREA', 'NONE')),
    basis            text not null
);
insert into gazetteer.category values
  ('11100', '省级行政区域', 'province-level division', '行政区域', 'NONE', 'division level 1'),
  ('11300', '县级行政区域', 'county-level division', '行政区域', 'MUNICIPALITY', 'division level 3'),
  ('11400', '乡级行政区域（乡、镇、街道）', 'township-level division', '行政区域', 'MUNICIPALITY', 'division level 4'),
  ('21620', '社区', 'urban community (residents'' committee)', '居民点', 'COUNTY', 'issue 3 example'),
  ('22200', '农村居民点', 'rural settlement (village)', '居民点', 'COUNTY', 'issue 3 example'),
  ('21100', '城镇居民点', 'urban settlement', '居民点', 'BUILT_UP_AREA', 'local, see docs'),
  ('21600', '居住区', 'residential area', '居民点', 'BUILT_UP_AREA', 'local, see docs'),
  ('25100', '道路、街、巷', 'street, road or lane', '交通运输设施', 'BUILT_UP_AREA', 'local, see docs'),
  ('26100', '建筑物', 'building', '建筑物', 'BUILT_UP_AREA', 'local, see docs'),
  ('27100', '纪念地、旅游景点', 'memorial or scenic spot', '纪念地旅游景点', 'NONE', 'local, see docs'),
  ('31100', '河流', 'river', '陆地水系', 'NONE', 'local, see docs'),
  ('32100', '山', 'mountain', '陆地地形', 'NONE', 'local, see docs');

create table gazetteer.place (
    place_id          bigserial primary key,
    -- Set for administrative divisions: names and history then come from geo.division_version.
    division_code     varchar(12) unique check (division_code ~ '^[0-9]{12}$'),
    -- A record that was wrong from the start (never true), unlike a place that ceased.
    deprecated        boolean not null default false,
    deprecated_reason text,
    created_at        timestamptz not null default now(),
    row_version       integer not null default 1,
    check (not deprecated or deprecated_reason is not null)
);

create table gazetteer.place_version (
    version_id       bigserial primary key,
    place_id         bigint not null references gazetteer.place,
    proper_name      text not null check (proper_name <> ''),   -- 专名
    generic_name     text not null default '',                  -- 通名
    name             text generated always as (proper_name || generic_name) stored,
    romanization     text,
    short_name       text,
    aliases          text[] not null default '{}',
    category_code    varchar(5) not null references gazetteer.category,
    division_code    varchar(12) not null check (division_code ~ '^[0-9]{12}$'),  -- lies in
    meaning          text,   -- 地名含义
    origin           text,   -- 历史沿革
    description      text,   -- 地理实体描述
    naming_date      date,
    established_year integer,
    abolished_year   integer,
    sources          text,   -- 资料来源
    position_method  text not null default 'unknown'
                     check (position_method in ('surveyed', 'map_reading', 'imported', 'unknown')),
    geom             geometry(Geometry, 4490)
                     check (geom is null or geometrytype(geom) in
                            ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON')),
    -- standard = 标准地名 (approved); recorded = registered from a source, not yet standardised.
    status           text not null check (status in ('standard', 'recorded')),
    valid_from       date not null,
    valid_to         date,   -- exclusive; null = current
    end_reason       text check (end_reason in ('renamed', 'changed', 'ceased', 'superseded')),
    change_reason    text,
    source           text not null,
    row_version      integer not null default 1,
    check (valid_to is null or valid_to > valid_from),
    check ((valid_to is null) = (end_reason is null)),
    check (status <> 'standard' or (coalesce(meaning, '') <> '' and coalesce(origin, '') <> ''
                                    and coalesce(description, '') <> '')),
    exclude using gist (place_id with =, daterange(valid_from, valid_to) with &&)
);
create index place_version_name on gazetteer.place_version (name);
create index place_version_division on gazetteer.place_version (division_code, valid_from);
create index place_version_geom on gazetteer.place_version using gist (geom);

-- Names a place had before the register knew it (e.g. 潼南县 before 2015), with their validity.
create table gazetteer.historical_name (
    id           bigserial primary key,
    place_id     bigint not null references gazetteer.place,
    name         text not null check (name <> ''),
    romanization text,
    valid_from   date,
    valid_to     date,
    note         text,
    source       text not null
);
create index historical_name_name on gazetteer.historical_name (name);

-- Who's-On-First style lineage: a split, merger or replacement links old and new records.
create table gazetteer.place_link (
    from_place_id bigint not null references gazetteer.place,   -- the older record
    to_place_id   bigint not null references gazetteer.place,   -- superseded by
    on_date       date not null,
    note          text,
    primary key (from_place_id, to_place_id),
    check (from_place_id <> to_place_id)
);

-- Every version of every place, register rows and division rows alike, read at query time.
create view gazetteer.place_version_all as
select v.place_id, v.version_id, 'r' || v.version_id || '.' || v.row_version as version_tag, false as from_division,
       v.proper_name, v.generic_name, v.name, v.romanization, v.short_name, v.aliases, v.category_code,
       v.division_code, v.meaning, v.origin, v.description, v.naming_date, v.established_year, v.abolished_year,
       v.sources, v.position_method, v.geom, v.status, v.valid_from, v.valid_to, v.end_reason, v.change_reason,
       v.source, p.deprecated
from gazetteer.place_version v join gazetteer.place p on p.place_id = v.place_id
union all
select p.place_id, d.version_id, 'd' || d.version_id || '.' || d.row_version, true,
       null, null, d.name, null, null, '{}',
       case d.level when 1 then '11100' when 3 then '11300' when 4 then '11400'
                    else case when d.name ~ '(社区|居民委员会|居委会)$' then '21620' else '22200' end end,
       coalesce(d.parent_code, d.code), null, null, null, null, null, null,
       d.source, case when d.geom_source like 'derived:%' then 'unknown' else 'imported' end,
       coalesce(d.geom, d.seat), 'standard', d.valid_from, d.valid_to,
       case when d.valid_to is null then null
            when exists (select 1 from geo.division_version n where n.code = d.code and n.valid_from = d.valid_to)
                 then 'renamed'
            else 'ceased' end,
       d.change_reason, d.source, p.deprecated
from gazetteer.place p join geo.division_version d on d.code = p.division_code;

-- Concordances with other gazetteers (e.g. GeoNames), Who's-On-First style: one place, many ids.
create table gazetteer.external_id (
    scheme      text not null,
    external_id text not null,
    place_id    bigint not null references gazetteer.place,
    names       text[] not null default '{}',   -- the names the other gazetteer gives, as given
    primary key (scheme, external_id)
);
create index external_id_place on gazetteer.external_id (place_id);

-- Built-up areas (建成区): the scope of the street/road and building naming rule.
create table gazetteer.built_up_area (
    id     bigserial primary key,
    name   text not null,
    geom   geometry(MultiPolygon, 4490) not null,
    source text not null
);
create index built_up_area_geom on gazetteer.built_up_area using gist (geom);

-- Words that make a reviewer look twice (person, foreign place, enterprise or trademark names, and
-- exaggerating words). The office maintains the list; a hit flags, it does not block.
create table gazetteer.flag_term (
    term   text primary key,
    kind   text not null check (kind in ('PERSON', 'FOREIGN', 'ENTERPRISE', 'EXAGGERATION')),
    note   text,
    source text not null
);
insert into gazetteer.flag_term (term, kind, source) values
  ('集团', 'ENTERPRISE', 'starter list'), ('公司', 'ENTERPRISE', 'starter list'),
  ('有限', 'ENTERPRISE', 'starter list'), ('置业', 'ENTERPRISE', 'starter list'),
  ('地产', 'ENTERPRISE', 'starter list'), ('万达', 'ENTERPRISE', 'starter list'),
  ('碧桂园', 'ENTERPRISE', 'starter list'), ('恒大', 'ENTERPRISE', 'starter list'),
  ('威尼斯', 'FOREIGN', 'starter list'), ('曼哈顿', 'FOREIGN', 'starter list'),
  ('维也纳', 'FOREIGN', 'starter list'), ('巴黎', 'FOREIGN', 'starter list'),
  ('罗马', 'FOREIGN', 'starter list'), ('普罗旺斯', 'FOREIGN', 'starter list'),
  ('加州', 'FOREIGN', 'starter list'), ('伦敦', 'FOREIGN', 'starter list'),
  ('纽约', 'FOREIGN', 'starter list'), ('香榭丽舍', 'FOREIGN', 'starter list'),
  ('莱茵', 'FOREIGN', 'starter list'), ('地中海', 'FOREIGN', 'starter list'),
  ('宇宙', 'EXAGGERATION', 'starter list'), ('环球', 'EXAGGERATION', 'starter list'),
  ('天下第一', 'EXAGGERATION', 'starter list'), ('帝王', 'EXAGGERATION', 'starter list'),
  ('皇家', 'EXAGGERATION', 'starter list');

-- Naming cases (申报 → 报告 → 审核 → 批准 → 备案 → 公告), also for renaming and abolition.
create table gazetteer.naming_case (
    case_id             bigserial primary key,
    kind                text not null check (kind in ('NAMING', 'RENAMING', 'ABOLITION')),
    place_id            bigint references gazetteer.place,   -- the place renamed/abolished, or created
    proposal            jsonb not null,                      -- the proposed name fields
    reasons             text not null check (reasons <> ''),
    feature_location    text,
    feature_scale       text,
    feature_nature      text,
    protection_measures text,
    state               text not null check (state in ('APPLIED', 'REVIEWED', 'APPROVED', 'FILED', 'ANNOUNCED', 'REJECTED')),
    applicant           text not null,
    applied_at          timestamptz not null default now(),
    reviewed_by         text,
    review_opinion      text,
    reviewed_at         timestamptz,
    approved_by         text,
    approval_authority  text,
    approval_document   text,
    approval_date       date,
    filing_due          date,
    filed_with          text,
    filed_on            date,
    announcement_due    date,
    announced_on        date,
    announcement_ref    text,
    rejected_reason     text,
    findings            jsonb not null default '[]',   -- the naming rules' verdicts at the last check
    row_version         integer not null default 1
);
create index naming_case_state on gazetteer.naming_case (state);

create table gazetteer.case_report (
    case_id      bigint not null references gazetteer.naming_case,
    kind         text not null check (kind in ('ASSESSMENT', 'EXPERT_REVIEW', 'CONSULTATION')),
    title        text not null check (title <> ''),
    document_ref text,
    summary      text,
    attached_by  text not null,
    attached_at  timestamptz not null default now(),
    primary key (case_id, kind)
);

-- Historical place-name protection lists (历史地名保护名录): district and rural lists, in batches.
create table gazetteer.protection_entry (
    entry_id         bigserial primary key,
    place_id         bigint references gazetteer.place,   -- null for a vanished name without a record
    name             text not null,
    list_kind        text not null check (list_kind in ('DISTRICT', 'RURAL')),
    batch            integer not null check (batch > 0),
    criteria         text not null,
    name_age_years   integer,
    status           text not null check (status in ('IN_USE', 'VANISHED')),
    measures         text,
    comment_from     date,
    comment_to       date,
    published_on     date,
    source           text not null,
    row_version      integer not null default 1,
    check (comment_to is null or comment_from is null or comment_to >= comment_from),
    check (published_on is null or comment_to is null or published_on > comment_to)
);
create index protection_entry_place on gazetteer.protection_entry (place_id);

-- Place-name signs (地名标志, GB 17733).
create table gazetteer.sign (
    sign_id        bigserial primary key,
    place_id       bigint not null references gazetteer.place,
    sign_type      text not null check (sign_type in ('ROAD', 'STREET', 'LANE', 'HOUSE_NUMBER', 'BUILDING',
                                                      'RESIDENTIAL', 'VILLAGE', 'TOWNSHIP', 'NATURAL', 'OTHER')),
    printed_text   text not null,
    printed_pinyin text,
    geom           geometry(Point, 4490),
    installed_on   date,
    condition      text not null check (condition in ('GOOD', 'WORN', 'DAMAGED', 'MISSING')),
    photo_refs     text[] not null default '{}',
    source         text not null,
    row_version    integer not null default 1
);
create index sign_place on gazetteer.sign (place_id);
