-- Junctions as a map layer (cn.mingjie.boundary.BoundaryLayers), the link from a re-survey move
-- application to the inspection finding that measured it, and the marker's location description
-- (界桩位置说明) printed on the 界桩登记表.

create view layers.boundary_junction as
select j.id::text as id, j.code, j.name, j.level,
       (select string_agg(p.division_code, ',' order by p.ordinal) from boundary.junction_party p
        where p.junction_id = j.id) as parties,
       (select count(*) from boundary.junction_line l where l.junction_id = j.id)::integer as line_count,
       j.geom_source like 'derived:%' as derived, j.geom_source, j.geom
from boundary.junction j;

-- Links to lines and triples bump the junction's row_version, so this trigger covers them too.
create trigger junction_changed
    after insert or update or delete or truncate on boundary.junction
    for each statement execute function layers.bump_table_version();

-- A "move" application made from a re-measured inspection finding names it; one application per finding.
alter table boundary.marker_change
    add column finding_id bigint references boundary.inspection_marker_finding (id);
create unique index marker_change_finding on boundary.marker_change (finding_id) where status <> 'rejected';

alter table boundary.marker add column location_description text;
