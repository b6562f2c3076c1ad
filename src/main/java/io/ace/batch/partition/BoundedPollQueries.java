package io.ace.batch.partition;

import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;

/**
 * Spring Integration's PostgreSQL poll of a channel's table, answering a row's content only when
 * it is small enough to be a request, and its stored size: a worker that meets an oversized row
 * takes it from the table without loading it.
 */
final class BoundedPollQueries extends PostgresChannelMessageStoreQueryProvider {

    /** The column with the stored size of the content. */
    static final String SIZE = "MESSAGE_SIZE";

    private static final String RETURNING = "returning MESSAGE_ID, MESSAGE_CONTENT";

    private final String poll;
    private final String pollExcludingIds;

    BoundedPollQueries(int maxBytes) {
        String bounded = "returning MESSAGE_ID, CASE WHEN octet_length(MESSAGE_CONTENT) <= " + maxBytes
                + " THEN MESSAGE_CONTENT END AS MESSAGE_CONTENT, octet_length(MESSAGE_CONTENT) AS " + SIZE;
        this.poll = bounded(super.getPollFromGroupQuery(), bounded);
        this.pollExcludingIds = bounded(super.getPollFromGroupExcludeIdsQuery(), bounded);
    }

    /** The same statement with the bounded result; refuses to start on a Spring Integration whose poll reads otherwise. */
    private static String bounded(String query, String returning) {
        if (!query.contains(RETURNING)) {
            throw new IllegalStateException("Spring Integration's PostgreSQL channel poll no longer ends with '" + RETURNING + "'");
        }
        return query.replace(RETURNING, returning);
    }

    @Override
    public String getPollFromGroupQuery() {
        return poll;
    }

    @Override
    public String getPollFromGroupExcludeIdsQuery() {
        return pollExcludingIds;
    }
}
