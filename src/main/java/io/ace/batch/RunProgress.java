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
 * steps first reported it. Knows no operation: a step that reports nothing adds nothing.
 */
public record RunProgress(List<StepProgress> units) {

    public static final RunProgress NONE = new RunProgress(List.of());

    public RunProgress {
        units = List.copyOf(units);
    }

    static RunProgress of(Collection<StepExecution> steps) {
        Map<StepProgress.Unit, StepProgress> sums = new LinkedHashMap<>();
        steps.stream().sorted(Comparator.comparing(StepExecution::getId)).map(s -> StepProgress.in(s.getExecutionContext()))
                .filter(Objects::nonNull).forEach(p -> sums.merge(p.unit(), p, StepProgress::plus));
        return new RunProgress(List.copyOf(sums.values()));
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
