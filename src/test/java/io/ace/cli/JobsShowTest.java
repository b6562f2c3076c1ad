package io.ace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs show} says when each step of a run started and how long it took, in the order they ran. */
@OnCluster
class JobsShowTest {

    private static final Pattern STEP = Pattern.compile("^  (\\S+)\\s+COMPLETED\\s+at\\s+([0-9.]+) s took\\s+([0-9.]+) s ", Pattern.MULTILINE);
    /** How far a shown time may be from the time itself: it is rounded to hundredths of a second. */
    private static final double ROUNDING = 0.005 + 1e-9;

    @Test
    void stepsShowWhenTheyStartedAndHowLongTheyTook(LocalCluster cluster, @TempDir Path home) throws Exception {
        cluster.sql("""
                DROP TABLE IF EXISTS public.js_timed;
                CREATE TABLE public.js_timed (id int PRIMARY KEY, v text);
                INSERT INTO public.js_timed SELECT g, 'v' || g FROM generate_series(1, 2000) g;
                """, "n1", "n2");
        cluster.sql("UPDATE public.js_timed SET v = 'changed' WHERE id = 7", "n2");
        try (Ace ace = new Ace(cluster.serviceFile(), home)) {
            Ace.Result diff = ace.run("table-diff", "local", "public.js_timed", "--nodes", "n1,n2", "--block-size", "500",
                    "--output-dir", home.resolve("out").toString());
            assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
            String id = ace.run("jobs", "list", "--limit", "1").out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
            Ace.Result shown = ace.run("jobs", "show", id);
            assertThat(shown.exitCode()).as(shown.toString()).isEqualTo(0);

            Map<String, double[]> steps = new LinkedHashMap<>();
            Matcher m = STEP.matcher(shown.out());
            while (m.find()) {
                steps.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
            }
            assertThat(steps).as(shown.out()).containsKeys("plan", "hash", "recheck", "report");
            // each step starts once the one before it has ended (a comparison of three shown times, each rounded)
            assertThat(steps.get("hash")[0]).as(shown.out()).isGreaterThanOrEqualTo(steps.get("plan")[0] + steps.get("plan")[1] - 3 * ROUNDING);
            assertThat(steps.get("recheck")[0]).as(shown.out()).isGreaterThanOrEqualTo(steps.get("hash")[0] + steps.get("hash")[1] - 3 * ROUNDING);
            assertThat(steps.get("report")[0]).as(shown.out()).isGreaterThanOrEqualTo(steps.get("recheck")[0] + steps.get("recheck")[1] - 3 * ROUNDING);
            // a partition runs inside its step
            steps.entrySet().stream().filter(e -> e.getKey().startsWith("hash-partition:")).forEach(e -> {
                assertThat(e.getValue()[0]).as(e.getKey()).isGreaterThanOrEqualTo(steps.get("hash")[0] - 2 * ROUNDING);
                assertThat(e.getValue()[0] + e.getValue()[1]).as(e.getKey())
                        .isLessThanOrEqualTo(steps.get("hash")[0] + steps.get("hash")[1] + 4 * ROUNDING);
            });
            assertThat(steps.keySet()).as(shown.out()).anyMatch(name -> name.startsWith("hash-partition:"));
        }
    }
}
