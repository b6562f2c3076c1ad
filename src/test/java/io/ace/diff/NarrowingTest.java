package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import org.junit.jupiter.api.Test;

/**
 * Ranges larger than {@link BlockComparer#WHOLE_RANGE_ROWS} are narrowed by hashing 64 buckets of
 * keys on every node first: every differing key is still found, for single and composite keys,
 * including keys only one node has.
 */
@OnCluster
class NarrowingTest {

    @Test
    void bucketedRangesFindEveryDifferingKey(LocalCluster cluster, Ace ace) {
        cluster.sql("DROP TABLE IF EXISTS public.nb_single; CREATE TABLE public.nb_single (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.nb_single SELECT g, 'v' || g FROM generate_series(1, 60000) g; ANALYZE public.nb_single;"
                + "DROP TABLE IF EXISTS public.nb_comp; CREATE TABLE public.nb_comp (a int, b text, v text, PRIMARY KEY (a, b));"
                + "INSERT INTO public.nb_comp SELECT g % 7, 'k' || g, 'v' FROM generate_series(1, 60000) g; ANALYZE public.nb_comp", "n1", "n2");
        cluster.sql("UPDATE public.nb_single SET v = 'changed' WHERE id IN (5, 17000, 17001, 59999); DELETE FROM public.nb_single WHERE id = 30000;"
                + "INSERT INTO public.nb_single VALUES (70000, 'only n2');"
                + "UPDATE public.nb_comp SET v = 'changed' WHERE (a, b) IN ((3, 'k10'), (2, 'k40000')); DELETE FROM public.nb_comp WHERE a = 1 AND b = 'k20000'",
                "n2");
        // one block of 16 ranges of about 3,750 rows each
        Ace.Result single = ace.run("table-diff", "local", "public.nb_single", "--nodes", "n1,n2", "--block-size", "60000");
        assertThat(single.exitCode()).as(single.toString()).isEqualTo(1);
        assertThat(single.diffKeys("id")).containsExactlyInAnyOrder("5", "17000", "17001", "59999", "30000", "70000");
        Ace.Result comp = ace.run("table-diff", "local", "public.nb_comp", "--nodes", "n1,n2", "--block-size", "60000");
        assertThat(comp.exitCode()).as(comp.toString()).isEqualTo(1);
        assertThat(comp.diffKeys("a", "b")).containsExactlyInAnyOrder("3|k10", "2|k40000", "1|k20000");
    }
}
