package io.ace.operation.tablerepair;

import io.ace.difffile.Sha256;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.exit.UserInput;
import io.ace.operation.RunBasics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Where a repair plan comes from: a file named by its path ({@code --repair-plan}, which web
 * callers may not give), or by its name in the server's plan directory ({@code --repair-plan-name}).
 */
class RepairPlanSource {

    /** A plan's file name: no directory, nothing hidden. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    @Option(names = "--repair-plan", paramLabel = "FILE",
            description = "A repair plan (YAML or JSON): per row, by rules and overrides, what each node gets. Replaces the mode flags.")
    Path file;

    @Option(names = "--repair-plan-name", paramLabel = "NAME",
            description = "A repair plan of the plan directory (ace.home/plans), by its file name: how a web launch names one.")
    String name;

    /** A plan and the sha256 of what it held at the first launch. */
    record RecordedPlan(Path file, String sha256) {
    }

    /** The plan named, or null when none is. */
    RecordedPlan resolve(RunBasics run) {
        if (file != null && name != null) {
            throw AceException.usage("name the repair plan with one of --repair-plan FILE or --repair-plan-name NAME");
        }
        if (name != null && !NAME.matcher(name).matches()) {
            throw AceException.usage("--repair-plan-name " + UserInput.quoted(name) + " must be a file name of the plan directory:"
                    + " letters, digits and _ . - (at most 100, starting with a letter or digit)");
        }
        Path plan = file != null ? file : name != null ? run.repairPlans().resolve(name) : null;
        if (plan == null) {
            return null;
        }
        if (!Files.isRegularFile(plan)) {
            throw AceException.usage(file != null ? "repair plan " + file + " is not a readable file"
                    : "there is no repair plan " + UserInput.quoted(name) + " in the plan directory (ace.home/plans)");
        }
        return new RecordedPlan(plan, digest(plan));
    }

    /** The plan's sha256; a plan that cannot be read is a usage error. */
    static String digest(Path plan) {
        try {
            return Sha256.of(plan);
        } catch (IOException e) {
            throw new AceException(ExitCode.USAGE, "cannot read repair plan " + plan, e.getMessage(), e);
        }
    }
}
