package io.ace.batch.partition;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link PartitionRequest} as the bytes the channel's table holds: a small JSON object. Anyone
 * who can write to the job repository can write these rows, so decoding reads nothing but that
 * object: the size is checked before parsing, and any other shape is refused.
 */
final class PartitionRequestCodec {

    /** The largest request read: a real one is about 150 bytes. */
    static final int MAX_BYTES = 1024;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2).build()).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Thrown for bytes that are not a request; the message says why without quoting them. */
    static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private PartitionRequestCodec() {
    }

    static byte[] encode(PartitionRequest request) {
        return JSON.writeValueAsBytes(request);
    }

    /**
     * The request in {@code bytes}; {@code size} is the stored length, which may exceed what was
     * read (an oversized row is not read at all).
     */
    static PartitionRequest decode(long size, byte[] bytes) {
        if (size > MAX_BYTES || bytes != null && bytes.length > MAX_BYTES) {
            throw new Refused("it has " + size + " bytes, more than the " + MAX_BYTES + " a request may have");
        }
        if (bytes == null || bytes.length == 0 || bytes[0] != '{') {
            // notably a Java-serialized object (0xACED...): nothing of it is read
            throw new Refused("it is not a JSON object");
        }
        try {
            return JSON.readValue(bytes, PartitionRequest.class);
        } catch (JacksonException e) {
            throw new Refused("its JSON is not a request: " + e.getOriginalMessage());
        }
    }
}
