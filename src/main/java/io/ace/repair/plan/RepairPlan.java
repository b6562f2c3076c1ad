package io.ace.repair.plan;

import io.ace.exit.AceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A repair plan: per differing key, what a repair does on each node. Rows overrides are checked
 * first, then the rules in order, then the default; the first that holds decides.
 */
public final class RepairPlan {

    /** Selectors that must all hold, and what to do then; {@code label} names it in decisions. */
    record Rule(String label, List<Selector> when, Action action) {
    }

    private final PlanContext context;
    private final List<Rule> rules;
    private final Action fallback;

    RepairPlan(PlanContext context, List<Rule> rules, Action fallback) {
        this.context = context;
        this.rules = List.copyOf(rules);
        this.fallback = fallback;
    }

    /**
     * Reads, parses and checks the file; any problem is a usage error naming the file (by its name
     * alone: a web caller may have named a plan of the server's directory), line and column.
     */
    public static RepairPlan read(Path file, PlanContext context) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw AceException.usage("there is no repair plan " + file + "; give the path of a plan file");
        } catch (IOException e) {
            throw AceException.usage("cannot read the repair plan " + file + ": " + e.getMessage());
        }
        return parse(text, String.valueOf(file.getFileName()), context);
    }

    /** Parses and checks a plan's text; {@code source} names it in messages. */
    public static RepairPlan parse(String text, String source, PlanContext context) {
        return new PlanReader(source, context).read(text);
    }

    public Decision decide(KeyRows key) {
        for (Rule rule : rules) {
            if (rule.when().stream().allMatch(s -> s.holds(key, context.nodes()))) {
                return rule.action().decide(rule.label(), key, context);
            }
        }
        return fallback.decide("default", key, context);
    }
}
