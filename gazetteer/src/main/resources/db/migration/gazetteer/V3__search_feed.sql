-- The register's places in the search index (cn.mingjie.gazetteer.PlaceNameSource, source id 'place',
-- key = place_id). Every table that changes a place's names, validity, position or deprecation reports
-- the place to the search schema's change queue in the changing transaction (search migrates at order 5,
-- before this schema), so an approved name is searchable within a second and a crash loses nothing.
create trigger place_name_change after insert or update or delete on gazetteer.place_version
    for each row execute function search.note_name_change('place', 'place_id');

-- Deprecation (a record that was wrong) takes the place out of the index.
create trigger place_record_change after insert or update or delete on gazetteer.place
    for each row execute function search.note_name_change('place', 'place_id');

-- Names known from sources (also of divisions: they are added to the division's search entry).
create trigger historical_name_change after insert or update or delete on gazetteer.historical_name
    for each row execute function search.note_name_change('place', 'place_id');

-- Concordances carry the other gazetteer's names (GeoNames pinyin, Wade–Giles, postal forms) as aliases.
create trigger external_id_change after insert or update or delete on gazetteer.external_id
    for each row execute function search.note_name_change('place', 'place_id');
