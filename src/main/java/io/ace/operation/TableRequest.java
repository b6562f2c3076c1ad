package io.ace.operation;

import io.ace.catalog.TableName;

/** A launch that works on one table: its target is the table's name. */
public interface TableRequest extends LaunchRequest {

    TableName table();

    @Override
    default String target() {
        return table().toString();
    }
}
