package io.ace.difffile;

import java.util.function.Consumer;

/** Streams stored differences (see {@link DifferenceJson}) in key order; may be read more than once. */
@FunctionalInterface
public interface DifferenceSource {
    void forEach(Consumer<String> differenceJson);
}
