-- Map layers of the boundary module (cn.mingjie.boundary.BoundaryLayers). The views live in schema
-- layers because GeoServer's datastore reads that schema; the ids are text because the layer
-- catalogue looks features up by a text id; lines are multi for GeoServer's MultiLineString binding.

create view layers.boundary_line as
select l.id::text as id, l.code, l.name, l.level, l.legal_status,
       l.geom_source like 'derived:%' as derived, l.geom_source, st_multi(l.geom)::geometry(MultiLineString, 4490) as geom
from boundary.line l;

-- Markers in the register (not retired) at their recorded position, styled by condition.
create view layers.boundary_marker as
select m.id::text as id, m.number, l.code as line_code, m.marker_type, m.condition, m.material,
       m.installed_on, m.geom
from boundary.marker m
join boundary.line l on l.id = m.line_id
where not m.retired;

-- Tiles of these layers are revalidated when the tables they read change.
create trigger line_changed
    after insert or update or delete or truncate on boundary.line
    for each statement execute function layers.bump_table_version();
create trigger marker_changed
    after insert or update or delete or truncate on boundary.marker
    for each statement execute function layers.bump_table_version();
