-- A division transfer (a new current version of a division under another parent) changes the ancestry,
-- and so the search index's `within` terms, of every register place below the unit. The division source
-- re-reads the unit's subtree itself; this queues the register's places below it for the place source,
-- in the changing transaction like the other feed triggers (gazetteer/V3).
--
-- The triggers are deferred to the commit: only then is it known what the unit's current parent became
-- (a transfer closes the old version before it opens the new one; undoing one deletes the new version
-- before it reopens the old). A rename or a new geometry keeps the parent and queues nothing, so renaming
-- a county does not re-read (or, past the queue's rebuild threshold, rebuild) every place in it.

-- Queues the register places lying in the unit or below it (current tree), with their notification.
create function gazetteer.queue_places_below(unit varchar) returns void language sql as $$
    with recursive below(code) as (
        select unit
        union
        select d.code from geo.division_version d join below b on d.parent_code = b.code where d.valid_to is null
    ), places as (
        select v.place_id from gazetteer.place_version v where v.division_code in (select code from below)
        union
        -- Divisions' own register entries (their recorded and concordance names) carry their ancestry too.
        select p.place_id from gazetteer.place p where p.division_code in (select code from below)
            and (exists (select 1 from gazetteer.historical_name h where h.place_id = p.place_id)
                 or exists (select 1 from gazetteer.external_id x where x.place_id = p.place_id))
    ), queued as (
        insert into search.name_change (source, place_key) select 'place', place_id::text from places returning 1
    )
    select pg_notify('search_name_change', 'place') where exists (select 1 from queued);
$$;

create function gazetteer.note_division_transfer() returns trigger language plpgsql as $$
declare
    unit       varchar;
    has_head   boolean;
    head_of    varchar;  -- the unit's current parent at commit
    parent_was varchar;
begin
    if tg_op = 'DELETE' then unit := old.code; else unit := new.code; end if;
    select true, parent_code into has_head, head_of from geo.division_version where code = unit and valid_to is null;
    has_head := coalesce(has_head, false);
    if tg_op = 'INSERT' then
        -- A new current version: compare with the version it follows; a new unit has nothing below it yet.
        select parent_code into parent_was from geo.division_version where code = unit and valid_to = new.valid_from;
        if not found then
            return null;
        end if;
    elsif tg_op = 'UPDATE' and new.valid_to is not null and has_head then
        -- Closed with a successor: the successor's insert reports a transfer.
        return null;
    else
        -- Closed without a successor (the unit left the tree), a current version corrected in place, or
        -- deleted (its predecessor reopened, or the unit gone).
        parent_was := old.parent_code;
    end if;
    if not has_head or head_of is distinct from parent_was then
        perform gazetteer.queue_places_below(unit);
    end if;
    return null;
end $$;

create constraint trigger division_transfer_insert after insert on geo.division_version
    deferrable initially deferred for each row when (new.valid_to is null)
    execute function gazetteer.note_division_transfer();
create constraint trigger division_transfer_update after update on geo.division_version
    deferrable initially deferred for each row when (old.valid_to is null)
    execute function gazetteer.note_division_transfer();
create constraint trigger division_transfer_delete after delete on geo.division_version
    deferrable initially deferred for each row when (old.valid_to is null)
    execute function gazetteer.note_division_transfer();
