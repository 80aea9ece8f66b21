-- Search and romanization support (packages cn.mingjie.gazetteer.search / .romanization).

-- The office's own place-name readings (地名读音), extending the built-in dictionary.
create table search.place_reading (
    word       text primary key check (word <> ''),
    pinyin     text not null,              -- tone numbers, one syllable per character: 'chong2 qing4'
    note       text,
    updated_by text not null,
    updated_at timestamptz not null default now()
);

-- Identifies this database to the on-disk search index: an index built from another database (a fresh
-- or restored one) is rebuilt, never trusted.
create table search.index_identity (
    id          integer primary key default 1 check (id = 1),
    database_id uuid not null default gen_random_uuid()
);
insert into search.index_identity default values;

-- The change queue that keeps the index consistent: one row per changed place, written by triggers in
-- the same transaction as the change; the index deletes rows only after it committed their effect.
create table search.name_change (
    seq       bigserial primary key,
    source    text not null,
    place_key text not null,
    at        timestamptz not null default now()
);

-- Trigger function for any name source: tg_argv[0] = source id, tg_argv[1] = key column.
create function search.note_name_change() returns trigger language plpgsql as $$
declare
    old_key text;
    new_key text;
begin
    if tg_op <> 'INSERT' then old_key := to_jsonb(old) ->> tg_argv[1]; end if;
    if tg_op <> 'DELETE' then new_key := to_jsonb(new) ->> tg_argv[1]; end if;
    if new_key is not null then
        insert into search.name_change (source, place_key) values (tg_argv[0], new_key);
    end if;
    if old_key is not null and old_key is distinct from new_key then
        insert into search.name_change (source, place_key) values (tg_argv[0], old_key);
    end if;
    -- One notification per transaction (identical payloads are folded); the queue holds the details.
    perform pg_notify('search_name_change', tg_argv[0]);
    return null;
end $$;

create trigger division_name_change after insert or update or delete on geo.division_version
    for each row execute function search.note_name_change('division', 'code');
