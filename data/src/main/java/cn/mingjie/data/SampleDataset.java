package cn.mingjie.data;

import java.util.function.ToIntFunction;
import org.springframework.core.io.Resource;

/**
 * One dataset of the built-in sample: a classpath file and the loader that turns it into rows.
 * Modules' sample packages declare theirs as beans; {@code order} puts what others build on first
 * (divisions before their polygons, polygons before derived townships, those before facilities).
 *
 * @param loader loads the file inside the caller's transaction and returns the number of rows
 */
public record SampleDataset(String name, String resource, int order, ToIntFunction<Resource> loader) {}
