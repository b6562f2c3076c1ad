package io.ace.batch.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ace.batch.WorkerView;
import io.ace.batch.Workers;
import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.integration.util.UUIDConverter;

/**
 * Someone who can write to the PostgreSQL job repository puts messages that are not partition
 * requests in the channel's table, ahead of a distributed run's: the Java-serialized nested sets
 * whose deserialization never ends (one per worker thread), a smaller serialized object, an
 * oversized row, JSON of another shape with a line break in a name. The worker takes each from the table at once, logs why on one
 * line, stays live, and runs the partitions of the run that follows.
 */
class HostilePartitionMessagesTest {

    private static LocalCluster cluster;

    @BeforeAll
    static void tables() {
        cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.hostile_t; CREATE TABLE public.hostile_t (id int PRIMARY KEY, v text);"
                + " INSERT INTO public.hostile_t SELECT g, md5(g::text) FROM generate_series(1, 3000) g;", "n1", "n2");
        cluster.sql("UPDATE public.hostile_t SET v = 'changed' WHERE id % 500 = 0", "n2");
    }

    @Test
    void aWorkerDropsWhatIsNotARequestAndGoesOnServing(@TempDir Path home) throws Exception {
        String repository = LocalCluster.repositoryServer().newDatabase("hostile_channel");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        try (Ace ace = new Ace(cluster.serviceFile(), home, "spring.datasource.url=" + repository, "spring.datasource.username=ace",
                "spring.datasource.password=" + LocalCluster.PASSWORD)) {
            // after the context started: starting it sets logging up afresh
            log.start();
            ((Logger) LoggerFactory.getLogger(PartitionChannels.class)).addAppender(log);
            byte[] nestedSets = NestedSets.serialized(40);
            insert(repository, nestedSets);
            insert(repository, nestedSets);
            insert(repository, NestedSets.serialized(12));
            insert(repository, "{\"jobExecutionId\":1,\"stepExecutionId\":1,\"stepName\":\"s\",\"region\":null,\"padding\":\"%s\"}"
                    .formatted("x".repeat(5_000_000)).getBytes(StandardCharsets.UTF_8));
            insert(repository, "{\"jobExecutionId\":1,\"stepExecutionId\":1,\"stepName\":\"s\",\"region\":null,\"forged\\nWARN line\":1}"
                    .getBytes(StandardCharsets.UTF_8));

            Workers workers = ace.context().getBean(Workers.class);
            workers.serve(2, null);
            await("the worker to take every hostile message from the channel").atMost(Duration.ofSeconds(10))
                    .until(() -> channelRows(repository) == 0);
            assertThat(log.list).hasSize(5).allSatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("dropped a message that is not a partition request").doesNotContain("\n"));
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("not a JSON object"));
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("more than the 1024"));
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("\\u000a"));

            Ace.Result run = ace.run("table-diff", "local", "public.hostile_t", "--nodes", "n1,n2", "--block-size", "200",
                    "--distributed", "--run-key", "after-hostile");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.diff().path("summary").path("diff_rows_count").path("n1/n2").asInt()).isEqualTo(6);
            assertThat(workers.list()).singleElement().extracting(WorkerView::state).isEqualTo("live");
        } finally {
            ((Logger) LoggerFactory.getLogger(PartitionChannels.class)).detachAppender(log);
        }
    }

    /** A row of the channel's table as an attacker writes it: first in line, for the channel of partitions without a region. */
    private static void insert(String repository, byte[] content) throws SQLException {
        try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD);
             PreparedStatement st = c.prepareStatement("INSERT INTO INT_CHANNEL_MESSAGE (MESSAGE_ID, GROUP_KEY, CREATED_DATE, MESSAGE_CONTENT,"
                     + " REGION) VALUES (?, ?, 0, ?, 'ACE')")) {
            st.setString(1, UUID.randomUUID().toString());
            st.setString(2, UUIDConverter.getUUID(PartitionChannels.BEAN).toString());
            st.setBytes(3, content);
            st.executeUpdate();
        }
    }

    private static long channelRows(String repository) throws SQLException {
        try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM INT_CHANNEL_MESSAGE")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
