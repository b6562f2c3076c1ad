package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.diff.DiffPlan;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The plan frozen in the job repository reads back exactly: a restart covers the same key space. */
@Tag("fast")
class PlanCodecTest {

    @Test
    void aPlanRoundTripsThroughItsJson() {
        DiffPlan plan = new DiffPlan(List.of(List.of("10", "a\"b"), List.of("20", "ünï"), List.of("30", "")), 16, 4, 123_456_789_012L);
        DiffPlan back = PlanCodec.decode(PlanCodec.encode(plan));
        assertThat(back).isEqualTo(plan);
        assertThat(back.range(3)).isEqualTo(plan.range(3));
    }

    @Test
    void anEmptyPlanIsOneOpenRange() {
        DiffPlan back = PlanCodec.decode(PlanCodec.encode(new DiffPlan(List.of(), 1, 1, 0)));
        assertThat(back.rangeCount()).isEqualTo(1);
        assertThat(back.range(0).lower()).isNull();
        assertThat(back.range(0).upper()).isNull();
    }
}
