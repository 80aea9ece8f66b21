-- Map layers of the gazetteer (layer catalogue, cn.mingjie.gazetteer.GazetteerLayers): place names by
-- category group, drawn at a label point, and the place-name signs.

-- A point inside each place's geometry (on a line, on a vertex), stored and indexed so that tiles of
-- a 13-million-row register read by index rather than computing points per request.
alter table gazetteer.place_version
    add column label_point geometry(Point, 4490) generated always as (st_pointonsurface(geom)) stored;
create index place_version_label_point on gazetteer.place_version using gist (label_point);

-- Current, non-deprecated place names with their category group; divisions of village level (their
-- seat) belong to the settlements. Townships and districts have their own division layers.
create view gazetteer.place_name_current as
select v.place_id, v.name, v.romanization, v.category_code, c.name as category_name, v.division_code,
       v.status, v.valid_from, v.label_point as geom
from gazetteer.place_version v
join gazetteer.place p on p.place_id = v.place_id
join gazetteer.category c on c.code = v.category_code
where v.valid_to is null and not p.deprecated and v.label_point is not null
union all
select p.place_id, d.name, null, x.code, c.name, d.parent_code, 'standard', d.valid_from, d.seat
from gazetteer.place p
join geo.division_version d on d.code = p.division_code
cross join lateral (select case when d.name ~ '(社区|居民委员会|居委会)$' then '21620' else '22200' end as code) x
join gazetteer.category c on c.code = x.code
where d.level = 5 and d.valid_to is null and not p.deprecated and d.seat is not null;

-- 居民点: towns, residential areas, communities, villages.
create view gazetteer.layer_settlement as
select place_id, name, romanization, category_code, category_name, division_code, status, valid_from,
       geom::geometry(Point, 4490) as geom
from gazetteer.place_name_current
where category_code in ('21100', '21600', '21620', '22200');

-- 道路街巷与建筑物.
create view gazetteer.layer_street_building as
select place_id, name, romanization, category_code, category_name, division_code, status, valid_from,
       geom::geometry(Point, 4490) as geom
from gazetteer.place_name_current
where category_code in ('25100', '26100');

-- 纪念地、景点与自然地理实体 (rivers, mountains).
create view gazetteer.layer_landmark_nature as
select place_id, name, romanization, category_code, category_name, division_code, status, valid_from,
       geom::geometry(Point, 4490) as geom
from gazetteer.place_name_current
where category_code in ('27100', '31100', '32100');

-- 地名标志, with whether the printed text still matches the current name.
create view gazetteer.layer_sign as
select s.sign_id, s.printed_text, s.printed_pinyin, s.sign_type, s.condition, s.installed_on, s.place_id,
       coalesce(s.printed_text = (select v.name from gazetteer.place_version_all v
                                  where v.place_id = s.place_id and v.valid_to is null
                                  order by v.valid_from desc limit 1), false) as text_matches,
       s.geom
from gazetteer.sign s
where s.geom is not null;

-- Tiles of these layers change when these tables do (see layers.table_version).
create trigger place_version_changed after insert or update or delete or truncate on gazetteer.place_version
    for each statement execute function layers.bump_table_version();
create trigger place_changed after insert or update or delete or truncate on gazetteer.place
    for each statement execute function layers.bump_table_version();
create trigger sign_changed after insert or update or delete or truncate on gazetteer.sign
    for each statement execute function layers.bump_table_version();
