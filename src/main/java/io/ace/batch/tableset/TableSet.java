package io.ace.batch.tableset;

import io.ace.json.AceJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The tables of a run that compares many, frozen in the job's context by its first execution: a
 * restart compares exactly these, under the same filters, whatever changed in the meantime.
 *
 * @param tables every table considered, compared or not, in the order reports list them
 * @param facts  what the run found about the cluster as a whole, as lines for its reports (name: text)
 */
public record TableSet(List<TableEntry> tables, Map<String, String> facts) {

    private static final String KEY = "ace.tables";

    public TableSet {
        tables = List.copyOf(tables);
        facts = new LinkedHashMap<>(facts);
    }

    public void freeze(JobExecution execution) {
        execution.getExecutionContext().putString(KEY, AceJson.STATE.writeValueAsString(this));
    }

    /** The set frozen by this run, from this execution's context or the first earlier one that has it. */
    public static TableSet of(JobExecution execution, JobRepository repository) {
        return AceJson.STATE.readValue(FrozenText.read(execution, repository, KEY), TableSet.class);
    }
}
