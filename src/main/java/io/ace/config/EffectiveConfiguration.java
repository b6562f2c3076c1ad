package io.ace.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The settings a process runs with, logged once it has started, so a log tells what a run was
 * configured with: every {@code ace.*} property as bound (defaults included) and the job
 * repository, secrets masked ({@link Masked}). One line, since the log writes every message on one.
 * At DEBUG for a command that answers and exits (its terminal is the operator's); the processes
 * that keep running and keep a log (serve, worker) log it at INFO, see {@link #logAtStart()}.
 */
public final class EffectiveConfiguration implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EffectiveConfiguration.class);

    private final String text;

    /** {@code repositoryUrl} and {@code repositoryUser}: the job repository's, null when not set. */
    public EffectiveConfiguration(AceProperties properties, String repositoryUrl, String repositoryUser) {
        StringBuilder b = new StringBuilder("ace");
        render(properties, b);
        b.append(", repository{url=").append(shown(Masked.url(repositoryUrl))).append(", username=").append(shown(repositoryUser))
                .append('}');
        this.text = b.toString();
    }

    /** The line as logged. */
    public String text() {
        return text;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        LOG.debug("configuration: {}", text);
    }

    /** For a process that keeps running: the settings in its log at INFO. */
    public void logAtStart() {
        LOG.info("configuration: {}", text);
    }

    /**
     * A record as {@code {name=value, group{...}}}, its components in declaration order, named as
     * properties are; a group left unset (ace.testing) is left out.
     */
    private static void render(Record value, StringBuilder b) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v = read(c, value);
            if (v == null && c.getType().isRecord()) {
                continue;
            }
            StringBuilder part = new StringBuilder(propertyName(c.getName()));
            renderValue(c.getName(), v, part);
            parts.add(part.toString());
        }
        b.append('{').append(String.join(", ", parts)).append('}');
    }

    private static void renderValue(String name, Object value, StringBuilder b) {
        if (value instanceof Record r) {
            render(r, b);
        } else if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> {
                StringBuilder entry = new StringBuilder(String.valueOf(k));
                renderValue(String.valueOf(k), v, entry);
                entries.add(entry.toString());
            });
            b.append('{').append(String.join(", ", entries)).append('}');
        } else {
            b.append('=').append(value != null && Masked.isSecret(name) ? Masked.MASK : shown(value));
        }
    }

    private static String shown(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Object read(RecordComponent c, Record owner) {
        try {
            return c.getAccessor().invoke(owner);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c + " of the configuration", e);
        }
    }

    /** {@code maxPartitionWorkers} is set as {@code max-partition-workers}. */
    private static String propertyName(String component) {
        return component.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
