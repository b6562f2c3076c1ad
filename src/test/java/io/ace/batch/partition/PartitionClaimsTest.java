package io.ace.batch.partition;

import io.ace.repository.RepositorySchema;
import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.LocalCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A partition is held by one worker at a time, against a real PostgreSQL repository: of workers
 * claiming it at once exactly one wins, only its holder lets it go or has it taken back, and a
 * request that names another run, step or region than the partition was queued with claims nothing.
 */
class PartitionClaimsTest {

    private static final int WORKERS = 8;

    static PartitionClaims claims;

    @BeforeAll
    static void repository() {
        String url = LocalCluster.repositoryServer().newDatabase("claims_test");
        DriverManagerDataSource repository = new DriverManagerDataSource(url, "ace", LocalCluster.PASSWORD);
        RepositorySchema.migrate(repository);
        claims = new PartitionClaims(repository);
    }

    @Test
    void ofWorkersClaimingAPartitionAtOnceExactlyOneWins() throws Exception {
        claims.queue(1, List.of(new PartitionClaims.Claim(101, "hash-partition", null)));
        PartitionRequest request = new PartitionRequest(1, 101, "hash-partition", null);
        for (PartitionRequest forged : List.of(new PartitionRequest(2, 101, "hash-partition", null),
                new PartitionRequest(1, 101, "other-step", null), new PartitionRequest(1, 101, "hash-partition", "eu"))) {
            assertThat(claims.claim(forged, "forger")).as("a request that is not the queued one: %s", forged).isFalse();
        }
        List<String> first = race(request);
        assertThat(first).hasSize(1);
        String holder = first.get(0);
        assertThat(race(request)).as("once taken, no one else wins").isEmpty();
        assertThat(claims.requeue(101, "someone-else", "someone-else (lost)")).isEmpty();
        assertThat(claims.end(101, "someone-else")).isFalse();
        assertThat(claims.requeue(101, holder, holder + " (lost)")).isPresent();

        List<String> second = race(request);
        assertThat(second).hasSize(1);
        assertThat(claims.holds(101, second.get(0))).isTrue();
        assertThat(claims.holds(101, holder)).isFalse();
        assertThat(claims.abandon(101)).as("a claimed partition is not given up").isFalse();
        assertThat(claims.end(101, second.get(0))).isTrue();
        assertThat(claims.workersOf(1)).containsEntry(101L, second.get(0) + " (after " + holder + " (lost))");
    }

    @Test
    void aPartitionGivenUpIsTakenByNoWorker() throws Exception {
        claims.queue(2, List.of(new PartitionClaims.Claim(201, "compare-table", "eu")));
        assertThat(claims.abandon(201)).isTrue();
        assertThat(race(new PartitionRequest(2, 201, "compare-table", "eu"))).isEmpty();
    }

    /** The workers whose claim of the partition succeeded, all claiming at the same moment. */
    private static List<String> race(PartitionRequest request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                String worker = "worker-" + i + "-" + System.nanoTime();
                Callable<String> claim = () -> {
                    go.await();
                    return claims.claim(request, worker) ? worker : null;
                };
                results.add(pool.submit(claim));
            }
            go.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<String> f : results) {
                if (f.get() != null) {
                    winners.add(f.get());
                }
            }
            return winners;
        } finally {
            pool.shutdown();
        }
    }
}
