package io.ace.diff;

import io.ace.catalog.TableShape;

/** What a comparison reads: the table, the rows the filter keeps, and what makes rows equal. */
public record ComparedTable(TableShape shape, String filter, Equality equality) {

    TableQueries queries() {
        return new TableQueries(shape, filter, equality);
    }
}
