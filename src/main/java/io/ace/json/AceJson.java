package io.ace.json;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of ACE, with the naming each kind of reader expects. Whether a file
 * is indented is the writer's choice ({@code writerWithDefaultPrettyPrinter()}), not another
 * configuration. Partition requests from other processes are the exception: their codec reads
 * them with limits of its own, as input not to be trusted.
 */
public final class AceJson {

    /**
     * What ACE keeps for itself between steps and across restarts (a run's frozen table set, a
     * table's result, a plan, findings): field names as its types spell them, as earlier versions
     * stored them, so a run started before an upgrade resumes after it.
     */
    public static final JsonMapper STATE = JsonMapper.builder().build();

    /**
     * What people and their scripts read (summary files, diff files, repair reports, the archive's
     * manifests): the same, with the snake_case field names their documentation gives and times
     * as {@link IsoTime#millis}.
     */
    public static final JsonMapper DOCUMENTS = STATE.rebuild().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(IsoTime.module()).build();

    private AceJson() {
    }
}
