package io.ace.batch.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A partition request is read back only as the small JSON object it was written as: a
 * Java-serialized object graph, an oversized row, nested or unknown fields and impossible values
 * are refused at once, with a reason that does not quote them.
 */
@Tag("fast")
class PartitionRequestCodecTest {

    @Test
    void aRequestReadsBackAsItWasWritten() {
        PartitionRequest request = new PartitionRequest(12, 345, "hash-partition", "eu");
        byte[] bytes = PartitionRequestCodec.encode(request);
        assertThat(bytes.length).isLessThan(PartitionRequestCodec.MAX_BYTES / 4);
        assertThat(PartitionRequestCodec.decode(bytes.length, bytes)).isEqualTo(request);
        PartitionRequest noRegion = new PartitionRequest(12, 346, "compare-table", null);
        byte[] plain = PartitionRequestCodec.encode(noRegion);
        assertThat(PartitionRequestCodec.decode(plain.length, plain)).isEqualTo(noRegion);
    }

    @Test
    void aJavaSerializedObjectGraphIsRefusedWithoutBeingRead() {
        byte[] attack = NestedSets.serialized(40);
        assertThat(attack.length).isBetween(2000, 2600);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
                assertThatThrownBy(() -> PartitionRequestCodec.decode(attack.length, attack))
                        .isInstanceOf(PartitionRequestCodec.Refused.class));
        byte[] small = NestedSets.serialized(12);
        assertThat(small.length).isLessThan(PartitionRequestCodec.MAX_BYTES);
        assertThatThrownBy(() -> PartitionRequestCodec.decode(small.length, small)).isInstanceOf(PartitionRequestCodec.Refused.class)
                .hasMessage("it is not a JSON object");
    }

    @Test
    void anOversizedRowIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> PartitionRequestCodec.decode(50_000_000, null)).isInstanceOf(PartitionRequestCodec.Refused.class)
                .hasMessageContaining("50000000 bytes");
        byte[] padded = ("{\"jobExecutionId\":1,\"stepExecutionId\":2,\"stepName\":\"s\",\"region\":null" + " ".repeat(2000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PartitionRequestCodec.decode(padded.length, padded)).isInstanceOf(PartitionRequestCodec.Refused.class)
                .hasMessageContaining("more than the " + PartitionRequestCodec.MAX_BYTES);
    }

    @Test
    void otherShapesAndImpossibleValuesAreRefused() {
        for (String json : new String[] {
            "{\"jobExecutionId\":1,\"stepExecutionId\":2,\"stepName\":\"s\",\"region\":null,\"extra\":1}",
            "{\"jobExecutionId\":1,\"stepExecutionId\":2,\"stepName\":{\"a\":{\"b\":1}},\"region\":null}",
            "{\"jobExecutionId\":1,\"stepName\":\"s\",\"region\":null}",
            "{\"jobExecutionId\":null,\"stepExecutionId\":2,\"stepName\":\"s\",\"region\":null}",
            "{\"jobExecutionId\":-1,\"stepExecutionId\":2,\"stepName\":\"s\",\"region\":null}",
            "{\"jobExecutionId\":1,\"stepExecutionId\":2,\"stepName\":\"" + "x".repeat(101) + "\",\"region\":null}",
            "{\"jobExecutionId\":1,\"stepExecutionId\":2,\"stepName\":\"s\",\"region\":null} {}",
            "[1, 2]",
            ""}) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> PartitionRequestCodec.decode(bytes.length, bytes)).as(json)
                    .isInstanceOf(PartitionRequestCodec.Refused.class);
        }
    }
}
