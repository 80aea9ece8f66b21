package cn.mingjie.gazetteer.search;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;

/**
 * A source of place names for the search index (a Spring bean; every bean of this type is indexed).
 * To index a new register: implement this and, for changes to be searchable within a second, add a
 * trigger to its table: {@code create trigger … after insert or update or delete on <table> for each
 * row execute function search.note_name_change('<id>', '<key column>')}. A source without such a
 * trigger is re-read whenever its {@link #fingerprint()} changes (checked every second).
 */
public interface NameSource {

    /** The source id, also the first argument of its trigger. */
    String id();

    /** Whether a trigger reports this source's changes to search.name_change. */
    boolean hasChangeFeed();

    /** Every entry, for a full rebuild. Called in a repeatable-read transaction. */
    void scan(Consumer<PlaceEntry> sink);

    /** The current entries for these keys (and for entries whose names depend on them); a missing key was deleted. */
    List<PlaceEntry> load(Collection<String> keys);

    /** A cheap value that changes whenever the source's data changes. */
    String fingerprint();

    /** The full geometry of a place this source owns (e.g. the polygon), or null. */
    Geometry geometry(String placeId, LocalDate asOf);
}
