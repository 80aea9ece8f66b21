package cn.mingjie.gazetteer.search;

import java.time.Duration;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/** The search interface: a request in, hits out, independent of the index behind it. */
public interface PlaceSearch {

    SearchResult search(SearchRequest request);

    /** The full geometry of a hit's place (the owning source's polygon or point), or null. */
    Geometry geometry(String placeId, LocalDate asOf);

    SearchIndexStatus status();

    /** Applies every change committed so far before returning (or throws after {@code timeout}). */
    void awaitCurrent(Duration timeout);
}
