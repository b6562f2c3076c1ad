package io.ace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.Operations;
import io.ace.testing.Ace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A word a command's shape masks cannot change what the command line makes of the line before the
 * application starts: with any other text there (not beginning with '-'), the line is runnable, or
 * refused with the same exit code, exactly as before. The launcher remembers runnable lines by it.
 */
class CommandShapesTest {

    private static final List<String> SHAPES = CommandShapes.of(Operations.registry(() -> {
        throw new IllegalStateException("no job is made here");
    }));

    /** How {@link Ace#runAlone} tells a line that must run. */
    private static final int MUST_RUN = -1;

    /** What a masked place may hold instead of an ordinary word: empty, spaced, a command's name, an @file, a glob. */
    private static final List<String> OTHERS = List.of("", "two words", "table-diff", "@/etc/passwd", "*");

    /** One line of the shapes: the command's words, whether its positionals are masked, and each option taking a value with whether it is. */
    private record Shape(List<String> command, boolean positionalsMasked, Map<String, Boolean> options) {

        static Shape of(String line) {
            String[] fields = line.split("\t", -1);
            Map<String, Boolean> options = new LinkedHashMap<>();
            Arrays.stream(fields[2].split(" ")).filter(o -> !o.isEmpty())
                    .forEach(o -> options.put(o.substring(0, o.indexOf('=')), o.endsWith("=" + CommandShapes.MASK)));
            return new Shape(List.of(fields[0].split(" ")), fields[1].equals(CommandShapes.MASK), options);
        }

        List<String> line(String... words) {
            List<String> line = new ArrayList<>(command);
            line.addAll(List.of(words));
            return line;
        }
    }

    static Stream<String> shapes() {
        return SHAPES.stream();
    }

    @Test
    void textIsMaskedAndEverythingTheParserChecksIsKept() {
        Map<String, Shape> byCommand = new LinkedHashMap<>();
        SHAPES.stream().map(Shape::of).forEach(s -> byCommand.put(String.join(" ", s.command()), s));

        assertThat(byCommand).containsKeys("table-diff", "table-repair", "mtree build", "mtree-build", "jobs show", "serve");
        Shape repair = byCommand.get("table-repair");
        assertThat(repair.positionalsMasked()).isTrue();
        assertThat(repair.options()).containsEntry("--diff-file", true).containsEntry("-f", true).containsEntry("--run-key", true)
                .containsEntry("--output-dir", true).containsEntry("--from-execution", false).containsEntry("--max-html-rows", false);
        assertThat(byCommand.get("table-diff").options()).containsEntry("--table-filter", true).containsEntry("--block-size", false)
                .containsEntry("--max-load", false).doesNotContainKeys("--quiet", "--help");
        // an execution id is a number: the parser refuses 'abc'
        assertThat(byCommand.get("jobs show").positionalsMasked()).isFalse();
        assertThat(byCommand.get("worker").options()).containsEntry("--concurrency", false);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void noMaskedWordChangesTheVerdict(String text) {
        Shape shape = Shape.of(text);
        // no, one and two positional words; then with a diff file, which a repair and a re-run must name to run
        List<List<String>> bases = List.of(shape.line(), shape.line("local"), shape.line("local", "public.t"),
                shape.line("local", "public.t", "--diff-file", "d.json"));
        for (List<String> base : bases) {
            int verdict = verdict(base);
            int positionals = Math.min(base.size(), shape.command().size() + 2);
            for (int i = shape.command().size(); shape.positionalsMasked() && i < positionals; i++) {
                for (String other : OTHERS) {
                    List<String> line = new ArrayList<>(base);
                    line.set(i, other);
                    assertThat(verdict(line)).as("%s against %s", line, base).isEqualTo(verdict);
                }
            }
        }
        // each option is tried on a line that runs with it, where there is one: a refused line would hide a changed verdict
        shape.options().forEach((name, masked) -> {
            if (!masked) {
                return;
            }
            List<String> base = bases.stream().filter(b -> verdict(withOption(b, name, "value")) == MUST_RUN).findFirst()
                    .orElse(bases.get(2));
            List<String> given = withOption(base, name, "value");
            int verdict = verdict(given);
            if (shape.positionalsMasked()) {
                assertThat(verdict).as("%s runs", given).isEqualTo(MUST_RUN);
            }
            List<String> joined = withOption(base, name + "=value");
            assertThat(verdict(joined)).as("%s against %s", joined, given).isEqualTo(verdict);
            for (String other : OTHERS) {
                assertThat(verdict(withOption(base, name, other))).as("%s %s", name, other).isEqualTo(verdict);
                assertThat(verdict(withOption(base, name + "=" + other))).as("%s=%s", name, other).isEqualTo(verdict);
            }
        });
    }

    private static List<String> withOption(List<String> base, String... words) {
        List<String> line = new ArrayList<>(base);
        line.addAll(List.of(words));
        return line;
    }

    /** The exit code the line is answered with before the application starts, or {@link #MUST_RUN}. */
    private static int verdict(List<String> line) {
        return Ace.runAlone(line.toArray(String[]::new)).exitCode();
    }
}
