package io.ace.diff;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.exit.UserInput;
import io.ace.catalog.TableShape;
import io.ace.cluster.NodeConnectionException;
import io.ace.cluster.NodePool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, on a node, whether a {@code --table-filter} may run there: one boolean expression over
 * the table's own columns, constants, operators and IMMUTABLE functions. A read-only transaction
 * does not make SQL harmless (functions read files, create replication slots, end sessions), so
 * the filter never runs until PostgreSQL itself has shown what it is, in a transaction that is
 * rolled back and in which nothing of the filter is executed:
 * <ol>
 * <li>its text is one self-contained expression ({@link TableFilterText});</li>
 * <li>no name in it is a type, function or column that looks up catalog objects by name (the
 * {@code reg*} types, {@code to_regrole}, {@code nextval('seq')}): PostgreSQL does such a lookup
 * while parsing, so whether a role or table exists would show in whether the next step fails;</li>
 * <li>it is parsed as the only item of {@code SELECT (filter)::boolean FROM table t}, stored as a
 * temporary view; the view's rewrite tree ({@code pg_rewrite.ev_action}) names every relation,
 * function and operator it uses, each checked in the catalog (other relations, subqueries,
 * aggregate, window and set-returning functions and anything not IMMUTABLE are refused, by name);</li>
 * <li>it is parsed again as {@code ARRAY[filter]}: a {@code )} that closes a parenthesis it did not
 * open can never parse inside brackets, so this is the server's own word that the text cannot
 * escape the parentheses ACE puts around it;</li>
 * <li>it becomes the predicate of an index on an empty temporary copy of the table, where
 * PostgreSQL's rules for index predicates (IMMUTABLE only, no subquery) cover what the tree does
 * not show by name ({@code CURRENT_DATE}, casts that depend on session settings).</li>
 * </ol>
 * The check runs under the node's {@code filter_check_timeout}: constants are folded while it
 * runs, and a constant can cost minutes. Errors of the node are reported by a generic reason and
 * SQLSTATE, never by the server's text, which may quote data; the details go to the debug log.
 */
public final class TableFilterCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TableFilterCheck.class);

    private static final String VIEW = "pg_temp.ace_filter_check";
    private static final String BRACKETED = "pg_temp.ace_filter_bracketed";
    /** Named {@code t}, the alias the filter runs under, so {@code t.column} resolves as it will in the comparison. */
    private static final String EMPTY_COPY = "pg_temp.t";

    private static final Pattern RELATION = Pattern.compile(":relid (\\d+)");
    private static final Pattern FUNCTION = Pattern.compile(":(?:funcid|aggfnoid|winfnoid) (\\d+)");
    private static final Pattern OPERATOR = Pattern.compile(":opno (\\d+)");
    private static final Pattern OPERATORS = Pattern.compile(":opnos \\(o ([\\d ]+)\\)");

    private static final String FUNCTIONS = "SELECT p.oid::regprocedure::text, p.prokind, p.proretset, p.provolatile, NULL"
            + " FROM pg_catalog.pg_proc p WHERE p.oid = ANY(CAST(? AS oid[]))"
            + " UNION ALL SELECT p.oid::regprocedure::text, p.prokind, p.proretset, p.provolatile, o.oid::regoperator::text"
            + " FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_proc p ON p.oid = o.oprcode WHERE o.oid = ANY(CAST(? AS oid[]))";

    /**
     * Which of the filter's names (the first parameter) look up catalog objects by name while a
     * statement is parsed: the reg* types, their arrays and domains over them; functions that
     * return one or take one (an untyped constant given to {@code nextval(regclass)} is looked up
     * as a relation); the table's columns of such types.
     */
    private static final String LOOKUPS = "WITH reg AS (SELECT t.oid FROM pg_catalog.pg_type t"
            + " WHERE t.typnamespace = 'pg_catalog'::pg_catalog.regnamespace AND t.typname IN ('regclass', 'regcollation', 'regconfig',"
            + " 'regdictionary', 'regnamespace', 'regoper', 'regoperator', 'regproc', 'regprocedure', 'regrole', 'regtype')),"
            + " lookup AS (SELECT t.oid, t.typname FROM pg_catalog.pg_type t"
            + " WHERE t.oid IN (SELECT oid FROM reg) OR t.typelem IN (SELECT oid FROM reg) OR t.typbasetype IN (SELECT oid FROM reg))"
            + " SELECT n FROM unnest(CAST(? AS text[])) AS n"
            + " WHERE n IN (SELECT typname FROM lookup)"
            + " OR n IN (SELECT p.proname FROM pg_catalog.pg_proc p WHERE p.prorettype IN (SELECT oid FROM lookup)"
            + " OR CAST(p.proargtypes AS oid[]) && ARRAY(SELECT oid FROM lookup))"
            + " OR n IN (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0"
            + " AND a.atttypid IN (SELECT oid FROM lookup))"
            + " LIMIT 1";

    /** Refuses (exit 64, naming what is not allowed) a filter that may not run on this node; null means no filter. */
    public void check(NodePool pool, TableShape table, String filter) {
        if (filter == null) {
            return;
        }
        TableFilterText.check(filter);
        try (Connection c = pool.open()) {
            c.setAutoCommit(false);
            try {
                new OnNode(c, pool.name(), filter, pool.node().filterCheckTimeout()).inspect(table);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw NodeConnectionException.of(pool.node(), e);
        }
    }

    /** The check of one filter in one node's transaction. */
    private record OnNode(Connection c, String node, String filter, Duration limit) {

        void inspect(TableShape table) throws SQLException {
            // a user whose sessions default to read-only still gets a transaction that may create temporary objects
            run("SET TRANSACTION READ WRITE", -1);
            run("SET LOCAL statement_timeout = " + limit.toMillis(), -1);
            long start = System.nanoTime();
            try {
                refuseLookups(table);
            } catch (SQLException e) {
                throw refusal(e, -1, start);
            }
            String viewPrefix = "CREATE VIEW " + VIEW + " AS SELECT (";
            run(viewPrefix + filter + ")::boolean AS f FROM " + table.name().sql() + " t", viewPrefix.length());
            start = System.nanoTime();
            try {
                checkTree(c, node, table);
            } catch (SQLException e) {
                throw refusal(e, -1, start);
            }
            String bracketPrefix = "CREATE VIEW " + BRACKETED + " AS SELECT ARRAY[";
            start = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute(bracketPrefix + filter + "] AS f FROM " + table.name().sql() + " t");
            } catch (SQLException e) {
                if (!"42601".equals(e.getSQLState())) {
                    throw refusal(e, bracketPrefix.length(), start);
                }
                LOG.debug("table filter on node {} does not parse inside brackets: {}", node, e.getMessage());
                throw TableFilterText.refuse("PostgreSQL on node " + node + " reads it as more than one expression"
                        + " (a ')' that closes a parenthesis it did not open)");
            }
            run("CREATE TEMPORARY TABLE " + EMPTY_COPY + " (LIKE " + table.name().sql() + ")", -1);
            String indexPrefix = "CREATE INDEX ace_filter_predicate ON " + EMPTY_COPY + " (" + table.keyColumns().get(0).quoted() + ") WHERE (";
            run(indexPrefix + filter + ")", indexPrefix.length());
        }

        /** Refuses the filter, before PostgreSQL parses it, when a name in it is one that {@link #LOOKUPS} finds. */
        private void refuseLookups(TableShape table) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(LOOKUPS)) {
                ps.setArray(1, c.createArrayOf("text", TableFilterText.names(filter).toArray()));
                ps.setString(2, table.name().sql());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw TableFilterText.refuse("it looks up catalog objects by name (" + UserInput.quoted(rs.getString(1)) + " on node "
                                + node + "); casts to reg* types (regclass, regrole, regnamespace, ...), to_reg* functions, functions"
                                + " that take a reg* argument and columns of reg* types are not allowed");
                    }
                }
            }
        }

        /** Runs one statement of the check; a failure becomes a {@link #refusal}. */
        private void run(String sql, int filterOffset) throws SQLException {
            long start = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw refusal(e, filterOffset, start);
            }
        }

        /**
         * A failed statement of the check as an operator's error: a generic reason and the SQLSTATE,
         * with a few characters of the filter's own text where the server points ({@code filterOffset}
         * is where the filter starts in the statement), never the server's message. A statement
         * cancelled once the check's time was up (started at {@code start}, in nanoseconds) was
         * stopped by the timeout: anything else cancelled it sooner.
         */
        private AceException refusal(SQLException e, int filterOffset, long start) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            LOG.debug("table filter check on node {} failed with SQLSTATE {}: {}", node, state, e.getMessage());
            if (state.equals("57014") && System.nanoTime() - start >= limit.toNanos()) {
                return TableFilterText.refuse("the filter took longer than " + seconds(limit) + " to check on node " + node
                        + " (filter_check_timeout); computing its constants costs too much");
            }
            if (state.startsWith("08") || state.startsWith("57") || state.equals("55P03")) {
                return new AceException(ExitCode.UNREACHABLE, "--table-filter could not be checked on node " + node
                        + " (SQLSTATE " + state + "); retry later");
            }
            if (state.equals("42501") || state.equals("25006") || state.equals("25001")) {
                return new AceException(ExitCode.CONFIG, "--table-filter cannot be checked on node " + node + " (SQLSTATE " + state
                        + "): the check creates temporary objects in a transaction it rolls back, so the user needs the TEMPORARY"
                        + " privilege on the database and SELECT on the table, and the node must accept writes");
            }
            return TableFilterText.refuse(reason(state) + " (PostgreSQL on node " + node + ", SQLSTATE " + state
                    + near(e, filter, filterOffset) + ")");
        }
    }

    /** {@code 5s}, or {@code 1500ms} when not whole seconds. */
    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** What the parsed filter uses, by name: relations, subqueries, functions and operators. */
    private static void checkTree(Connection c, String node, TableShape table) throws SQLException {
        String tree;
        long viewOid;
        long tableOid;
        try (PreparedStatement ps = c.prepareStatement("SELECT r.ev_action::text, r.ev_class::oid, CAST(? AS regclass)::oid"
                + " FROM pg_catalog.pg_rewrite r WHERE r.ev_class = CAST(? AS regclass)")) {
            ps.setString(1, table.name().sql());
            ps.setString(2, VIEW);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                tree = rs.getString(1);
                viewOid = rs.getLong(2);
                tableOid = rs.getLong(3);
            }
        }
        Set<Long> relations = oids(RELATION, tree);
        relations.remove(viewOid);
        relations.remove(tableOid);
        if (!relations.isEmpty()) {
            throw TableFilterText.refuse("it reads " + names(c, relations) + "; only the columns of " + table.name() + " may be used");
        }
        if (tree.contains("{SUBLINK")) {
            throw TableFilterText.refuse("it contains a subquery; only the columns of " + table.name() + " may be used");
        }
        if (tree.contains("{SQLVALUEFUNCTION")) {
            throw TableFilterText.refuse("it uses a value that changes between calls or sessions (CURRENT_DATE, CURRENT_TIMESTAMP,"
                    + " CURRENT_USER, ...); only IMMUTABLE expressions are allowed");
        }
        Set<Long> operators = oids(OPERATOR, tree);
        Matcher lists = OPERATORS.matcher(tree);
        while (lists.find()) {
            for (String oid : lists.group(1).trim().split(" +")) {
                operators.add(Long.parseLong(oid));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(FUNCTIONS)) {
            ps.setArray(1, c.createArrayOf("oid", oids(FUNCTION, tree).toArray()));
            ps.setArray(2, c.createArrayOf("oid", operators.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String problem = problem(rs.getString(2).charAt(0), rs.getBoolean(3), rs.getString(4).charAt(0));
                    if (problem != null) {
                        String operator = rs.getString(5);
                        throw TableFilterText.refuse((operator == null ? "function " : "operator " + operator + " (function ")
                                + rs.getString(1) + (operator == null ? "" : ")") + " is not allowed on node " + node + ": it is " + problem
                                + "; a filter may use only the table's columns, constants, operators and IMMUTABLE functions");
                    }
                }
            }
        }
    }

    /** Why a function may not run in a filter, or null when it may. */
    private static String problem(char kind, boolean returnsSet, char volatility) {
        if (kind == 'a') {
            return "an aggregate function";
        }
        if (kind == 'w') {
            return "a window function";
        }
        if (kind != 'f') {
            return "not a plain function";
        }
        if (returnsSet) {
            return "a set-returning function";
        }
        return switch (volatility) {
            case 'i' -> null;
            case 's' -> "STABLE, not IMMUTABLE (its result can change within a session)";
            default -> "VOLATILE, not IMMUTABLE (it may change things or return something new on every call)";
        };
    }

    private static Set<Long> oids(Pattern pattern, String tree) {
        Set<Long> oids = new LinkedHashSet<>();
        Matcher m = pattern.matcher(tree);
        while (m.find()) {
            oids.add(Long.parseLong(m.group(1)));
        }
        return oids;
    }

    private static String names(Connection c, Set<Long> relations) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT oid::regclass::text FROM pg_catalog.pg_class WHERE oid = ANY(CAST(? AS oid[]))")) {
            ps.setArray(1, c.createArrayOf("oid", relations.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return "relation " + String.join(", ", names);
    }

    private static String reason(String state) {
        return switch (state) {
            case "42601" -> "it is not valid SQL";
            case "42703" -> "it names a column the table does not have";
            case "42P01" -> "it names a table other than the one compared (use its columns unqualified, or as t.column)";
            case "42883" -> "it calls a function or operator that does not exist for these argument types";
            case "42725", "42702" -> "a name in it is ambiguous";
            case "42804", "42846" -> "it is not a boolean condition, or it compares values whose types do not match";
            case "42803" -> "it uses an aggregate function";
            case "42P20" -> "it uses a window function";
            case "42P02" -> "it uses a query parameter";
            case "42P17" -> "it uses something whose value can change: a function that is not IMMUTABLE, CURRENT_DATE, CURRENT_USER,"
                    + " or a cast that depends on session settings";
            case "0A000" -> "it uses something not allowed in a condition on rows (a subquery, a set-returning function, ...)";
            default -> state.startsWith("22") ? "a constant in it is not valid for its type" : "PostgreSQL refused it";
        };
    }

    /** {@code , near "..."}: a few characters of the filter where the server points, or nothing. */
    private static String near(SQLException e, String filter, int filterOffset) {
        if (filterOffset < 0 || !(e instanceof PSQLException p)) {
            return "";
        }
        ServerErrorMessage server = p.getServerErrorMessage();
        int at = server == null ? 0 : server.getPosition() - 1 - filterOffset;
        if (server == null || server.getPosition() <= 0 || at < 0 || at >= filter.length()) {
            return "";
        }
        return ", near \"" + filter.substring(at, Math.min(filter.length(), at + 24)).replaceAll("\\s+", " ") + "\"";
    }
}
