package io.ace.batch;

import io.ace.batch.partition.PartitionClaims;
import io.ace.operation.RunIdentity;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds executions in the job repository's tables by what operators filter on (operation,
 * status, cluster, target, date), a page at a time, and answers them as {@link RunView}s.
 */
public final class RunQueries {

    /** The parameters that name what an execution works on: a table operation's table, any other's target. */
    private static final String TARGET = RunIdentity.TARGET_NAMES.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "(", ")"));
    private static final String CLUSTER = RunIdentity.CLUSTER;

    /**
     * A filter; null or blank fields match everything.
     *
     * @param operation the job name
     * @param status    a BatchStatus name
     * @param cluster   the cluster parameter
     * @param table     a substring of the table parameter
     * @param from      executions created on or after this day
     * @param to        executions created on or before this day
     */
    public record Filter(String operation, String status, String cluster, String table, LocalDate from, LocalDate to) {

        public static Filter all() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** One page of executions, newest first, and how many match in all. */
    public record Page(List<RunView> runs, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final JdbcTemplate jdbc;
    private final JobRepository repository;
    private final PartitionClaims claims;

    public RunQueries(DataSource dataSource, JobRepository repository, PartitionClaims claims) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.repository = repository;
        this.claims = claims;
    }

    public Page find(Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        long total = count(filter);
        args.add((long) page * size);
        args.add(size);
        List<Long> ids = jdbc.queryForList("SELECT E.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I"
                + " ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID" + where + " ORDER BY E.JOB_EXECUTION_ID DESC"
                + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", Long.class, args.toArray());
        return new Page(load(ids).stream().map(RunView::of).toList(), total, page, size);
    }

    /** How many executions match. */
    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        Long total = jdbc.queryForObject("SELECT count(*) FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I"
                + " ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID" + where(filter, args), Long.class, args.toArray());
        return total == null ? 0 : total;
    }

    /** The newest ended execution of each operation and table created since a day, newest first. */
    public List<RunView> latestPerTarget(LocalDate since) {
        return views(jdbc.queryForList("SELECT max(E.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION E"
                + " JOIN BATCH_JOB_INSTANCE I ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS C ON C.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID AND C.PARAMETER_NAME = '" + CLUSTER + "'"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS T ON T.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID AND T.PARAMETER_NAME IN " + TARGET
                + " WHERE E.END_TIME IS NOT NULL AND E.CREATE_TIME >= ?"
                + " GROUP BY I.JOB_NAME, C.PARAMETER_VALUE, T.PARAMETER_VALUE ORDER BY 1 DESC", Long.class,
                Timestamp.valueOf(since.atStartOfDay())));
    }

    /** Executions not yet ended (STARTING, STARTED, STOPPING), newest first, with an ETA from up to {@code etaRuns} earlier runs. */
    public List<RunView> running(int etaRuns) {
        return load(jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED', 'STOPPING')"
                + " ORDER BY JOB_EXECUTION_ID DESC", Long.class)).stream().map(e -> RunView.of(e, () -> earlierDurations(e, etaRuns))).toList();
    }

    /** One execution, with an ETA from up to {@code etaRuns} earlier runs and the worker of each partition; empty when there is none. */
    public java.util.Optional<RunView> one(long id, int etaRuns) {
        return load(List.of(id)).stream().findFirst().map(e -> RunView.of(e, () -> earlierDurations(e, etaRuns)).withWorkers(claims.workersOf(id)));
    }

    /** The work an execution's steps reported so far, without the rest of its view (for a progress bar that asks often). */
    public RunProgress progress(long id) {
        return load(List.of(id)).stream().findFirst().map(e -> RunProgress.of(e.getStepExecutions())).orElse(RunProgress.NONE);
    }

    /** The ended executions of one operation on one target, oldest first (for durations and trends). */
    public List<RunView> history(String operation, String cluster, String table, int limit) {
        return executions(operation, cluster, table, limit).stream().map(RunView::of).toList();
    }

    private List<JobExecution> executions(String operation, String cluster, String table, int limit) {
        List<Long> ids = jdbc.queryForList("SELECT E.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I"
                + " ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID WHERE I.JOB_NAME = ? AND E.END_TIME IS NOT NULL"
                + param(CLUSTER) + param(TARGET) + " ORDER BY E.JOB_EXECUTION_ID DESC FETCH FIRST ? ROWS ONLY",
                Long.class, operation, cluster, table, limit);
        List<JobExecution> executions = new ArrayList<>(load(ids));
        java.util.Collections.reverse(executions);
        return executions;
    }

    /** How long the completed executions of the same operation on the same target as this one took. */
    private List<java.time.Duration> earlierDurations(JobExecution execution, int limit) {
        RunIdentity identity = RunIdentity.of(execution.getJobParameters());
        return executions(execution.getJobInstance().getJobName(), identity.cluster(), identity.target(), limit).stream().filter(x -> x.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED)
                .map(x -> RunView.between(x.getStartTime(), x.getEndTime())).toList();
    }

    /** The (cluster, table) pairs that have executions of an operation, for history pages. */
    public List<String[]> targets(String operation) {
        return jdbc.query("SELECT DISTINCT C.PARAMETER_VALUE, T.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION E"
                + " JOIN BATCH_JOB_INSTANCE I ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS C ON C.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID AND C.PARAMETER_NAME = '" + CLUSTER + "'"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS T ON T.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID AND T.PARAMETER_NAME IN " + TARGET
                + " WHERE I.JOB_NAME = ? ORDER BY 1, 2", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, operation);
    }

    private List<RunView> views(List<Long> ids) {
        return load(ids).stream().map(RunView::of).toList();
    }

    private List<JobExecution> load(List<Long> ids) {
        List<JobExecution> executions = new ArrayList<>();
        for (Long id : ids) {
            JobExecution e;
            try {
                e = repository.getJobExecution(id);
            } catch (org.springframework.dao.EmptyResultDataAccessException missing) {
                // the JDBC repository answers an unknown id this way rather than with null
                e = null;
            }
            if (e != null) {
                executions.add(e);
            }
        }
        return executions;
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (present(f.operation())) {
            w.append(" AND I.JOB_NAME = ?");
            args.add(f.operation());
        }
        if (present(f.status())) {
            w.append(" AND E.STATUS = ?");
            args.add(f.status().toUpperCase());
        }
        if (present(f.cluster())) {
            w.append(param(CLUSTER));
            args.add(f.cluster());
        }
        if (present(f.table())) {
            w.append(" AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS P WHERE P.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID"
                    + " AND P.PARAMETER_NAME IN " + TARGET + " AND P.PARAMETER_VALUE LIKE ?)");
            args.add("%" + f.table().replace("%", "").replace("_", "\\_") + "%");
        }
        if (f.from() != null) {
            w.append(" AND E.CREATE_TIME >= ?");
            args.add(Timestamp.valueOf(f.from().atStartOfDay()));
        }
        if (f.to() != null) {
            w.append(" AND E.CREATE_TIME < ?");
            args.add(Timestamp.valueOf(f.to().plusDays(1).atStartOfDay()));
        }
        return w.toString();
    }

    /** {@code name}: a parameter's name, or {@link #TARGET}. */
    private static String param(String name) {
        return " AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS P WHERE P.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID"
                + " AND P.PARAMETER_NAME " + (name.equals(TARGET) ? "IN " + TARGET : "= '" + name + "'") + " AND P.PARAMETER_VALUE = ?)";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
