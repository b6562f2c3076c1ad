package io.ace.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one way ACE writes a point in time for people and their scripts: ISO-8601 with the offset
 * ({@code 2026-12-06T02:25:21.873+01:00}), to the millisecond in files and to the second on
 * screens. A time without a zone is a job repository's, which records this machine's local time.
 */
public final class IsoTime {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private IsoTime() {
    }

    /** For files and reports; null stays null. */
    public static String millis(Temporal time) {
        return time == null ? null : MILLIS.format(withOffset(time));
    }

    /** For screens and lists; null stays null. */
    public static String seconds(Temporal time) {
        return time == null ? null : SECONDS.format(withOffset(time));
    }

    /** Serializes every time a document holds as {@link #millis}. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("iso-times");
        module.addSerializer(OffsetDateTime.class, new Written<>());
        module.addSerializer(ZonedDateTime.class, new Written<>());
        module.addSerializer(Instant.class, new Written<>());
        module.addSerializer(LocalDateTime.class, new Written<>());
        return module;
    }

    /** The time with its offset; a time without a zone is taken as this machine's local time. Null stays null. */
    public static OffsetDateTime withOffset(Temporal time) {
        if (time == null) {
            return null;
        }
        if (time instanceof OffsetDateTime t) {
            return t;
        }
        if (time instanceof ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        if (time instanceof Instant t) {
            return t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        if (time instanceof LocalDateTime t) {
            return t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        throw new IllegalArgumentException("not a point in time: " + time.getClass().getSimpleName());
    }

    private static final class Written<T extends Temporal> extends ValueSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(millis(value));
        }
    }
}
