package io.ace.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A job repository the previous release made (its tables, no migration history) is upgraded in
 * place when this version starts on it: its runs still list, a failed one restarts from where it
 * stopped, and a second start runs no migration.
 */
@OnCluster
class PreviousReleaseUpgradeTest {

    @Test
    void itsRunsListRestartAndArchiveAndASecondStartMigratesNothing(LocalCluster cluster, @TempDir Path home) throws Exception {
        // the table the previous release compared (on two nodes; its run named none, so here all four)
        cluster.sql("DROP TABLE IF EXISTS public.upgrade_t; CREATE TABLE public.upgrade_t (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.upgrade_t SELECT g, 'v' FROM generate_series(1, 1000) g", "n1", "n2", "n3", "n4");
        cluster.sql("UPDATE public.upgrade_t SET v = 'w' WHERE id IN (5, 900)", "n2");
        Path out = Files.createDirectories(home.resolve("out"));
        String script = new String(PreviousReleaseUpgradeTest.class.getResourceAsStream("/repository/previous-release-h2.sql").readAllBytes(),
                StandardCharsets.UTF_8).replace("@OUTPUT_DIR@", out.toString());
        Path scriptFile = Files.writeString(home.resolve("previous.sql"), script);
        String url = "jdbc:h2:file:" + home.resolve("repository");
        RunScript.execute(url, "sa", "", scriptFile.toString(), StandardCharsets.UTF_8, false);

        try (Ace ace = new Ace(cluster.serviceFile(), home)) {
            Ace.Result listed = ace.run("jobs", "list");
            assertThat(listed.out()).contains("failed-before").contains("done-before");
            Ace.Result restarted = ace.run("jobs", "restart", "2");
            assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(1);
            assertThat(restarted.diffKeys("id")).containsExactlyInAnyOrder("5", "900");
            assertThat(ace.run("jobs", "list").out()).containsPattern("COMPLETED +1 .*failed-before");
        }
        JdbcTemplate repository = new JdbcTemplate(new DriverManagerDataSource(url + ";AUTO_SERVER=TRUE", "sa", ""));
        String history = "SELECT \"version\" FROM \"ace_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"";
        List<String> applied = repository.queryForList(history, String.class);
        // taken as version 1 (the baseline), then what came since
        assertThat(applied).containsExactly("1", "1.1", "2", "2.1", "3");
        assertThat(Files.list(home.resolve("archive")).filter(Files::isDirectory).count()).as("the restarted run was archived").isPositive();
        try (Ace again = new Ace(cluster.serviceFile(), home)) {
            assertThat(again.run("jobs", "list").out()).contains("failed-before");
        }
        assertThat(repository.queryForList(history, String.class)).as("a second start migrates nothing").isEqualTo(applied);
    }
}
