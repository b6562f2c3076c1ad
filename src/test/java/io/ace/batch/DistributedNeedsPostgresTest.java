package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the embedded repository (H2), a distributed run and a worker are refused as configuration
 * errors (exit 78) before anything is recorded, whether the run asks with {@code --distributed} or
 * {@code ace.partitioning.mode=remote} makes it the default; operations without partitions still run.
 */
@OnCluster(properties = "ace.partitioning.mode=remote")
class DistributedNeedsPostgresTest {

    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster cluster, Ace classAce) {
        ace = classAce;
        cluster.sql("DROP TABLE IF EXISTS public.dn_t; CREATE TABLE public.dn_t (id int PRIMARY KEY, v text);"
                + " INSERT INTO public.dn_t SELECT g, 'v' FROM generate_series(1, 10) g;", "n1", "n2");
    }

    @Test
    void partitionedOperationsAndWorkersAreRefusedOnTheEmbeddedRepository() {
        for (String[] args : new String[][] {
            {"table-diff", "local", "public.dn_t", "--nodes", "n1,n2", "--distributed"},
            {"table-diff", "local", "public.dn_t", "--nodes", "n1,n2"},
            {"schema-diff", "local", "public", "--nodes", "n1,n2"},
            {"worker", "--concurrency", "1"}}) {
            Ace.Result r = ace.run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(78);
            assertThat(r.err()).as(r.toString()).contains("PostgreSQL job repository").contains("ACE_REPOSITORY_URL");
        }
        Ace.Result list = ace.run("jobs", "list");
        assertThat(list.out().lines().count()).as("nothing recorded: " + list).isEqualTo(1);
        Ace.Result workers = ace.run("jobs", "workers");
        assertThat(workers.out().lines().count()).as(workers.toString()).isEqualTo(1);
    }

    @Test
    void operationsWithoutPartitionsDoNotCareWhereTheyWouldGo() {
        Ace.Result r = ace.run("spock-diff", "local", "--nodes", "n1,n2");
        assertThat(r.exitCode()).as(r.toString()).isIn(0, 1);
    }
}
