package cn.mingjie.gazetteer.search;

import java.time.LocalDate;

/** One name of a place, valid from {@code validFrom} (inclusive) to {@code validTo} (exclusive); null = open. */
public record PlaceName(String name, NameKind kind, LocalDate validFrom, LocalDate validTo) {}
