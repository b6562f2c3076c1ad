package io.ace.batch;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.batch.core.step.StepExecution;

/**
 * The work an execution's steps report ({@link StepProgress}), summed per unit in the order the
 * steps first reported it, and the step running now. Knows no operation: a step that reports
 * nothing adds nothing.
 *
 * @param phase the step running now ({@code recheck}, {@code report}), or null between steps and after the end
 */
public record RunProgress(List<StepProgress> units, String phase) {

    public static final RunProgress NONE = new RunProgress(List.of(), null);

    public RunProgress {
        units = List.copyOf(units);
    }

    static RunProgress of(Collection<StepExecution> steps) {
        Map<StepProgress.Unit, StepProgress> sums = new LinkedHashMap<>();
        steps.stream().sorted(Comparator.comparing(StepExecution::getId)).map(s -> StepProgress.in(s.getExecutionContext()))
                .filter(Objects::nonNull).forEach(p -> sums.merge(p.unit(), p, StepProgress::plus));
        // a partition's step is named after its manager step, with a suffix: the manager names the phase
        String phase = steps.stream().filter(s -> s.getStatus().isRunning() && !s.getStepName().contains(":"))
                .max(Comparator.comparing(StepExecution::getId)).map(StepExecution::getStepName).orElse(null);
        return new RunProgress(List.copyOf(sums.values()), phase);
    }

    /** Done fraction (0..1), each unit counting alike; 0 while no step has reported. */
    public double fraction() {
        return units.stream().mapToDouble(StepProgress::fraction).average().orElse(0);
    }

    /** The unit being worked on: the first not all done, else the last; null while no step has reported. */
    public StepProgress current() {
        return units.stream().filter(u -> u.done() < u.total()).findFirst().orElse(units.isEmpty() ? null : units.get(units.size() - 1));
    }

    /** {@code 1,200 of 3,000 blocks, 2 of 5 tables}; empty while no step has reported. */
    public String text() {
        return units.stream().map(StepProgress::text).collect(Collectors.joining(", "));
    }
}
