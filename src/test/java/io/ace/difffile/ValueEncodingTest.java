package io.ace.difffile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.catalog.Column;
import io.ace.catalog.KeyIndex;
import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values in the diff file round-trip exactly into a repair: written from PostgreSQL text by
 * type, read back with their spelling kept.
 */
@Tag("fast")
class ValueEncodingTest {

    private static Column column(String name, String baseType, boolean array) {
        return new Column(name, baseType, baseType, -1, 'b', true, array, array ? 'b' : null, true, true, null);
    }

    private static final List<Column> COLUMNS = List.of(column("i", "int4", false), column("big", "int8", false),
            column("huge", "int8", false), column("f", "float8", false), column("nan", "float8", false),
            column("n", "numeric", false), column("b", "bool", false), column("ts", "timestamptz", false),
            column("inf", "timestamptz", false), column("t", "text", false), column("arr", "_int4", true), column("nul", "text", false));

    private static final List<String> TEXTS = Arrays.asList("7", "9007199254740992", "9007199254740993", "0.1000000000000000055511151231257827",
            "NaN", "3000.00", "t", "2025-07-22 12:00:00.123456+00", "infinity", "a ", "{1,2}", null);

    @Test
    void eachTypeIsWrittenAsTheContractSays() {
        String json = RowJson.toJson(new TableShape(new TableName("public", "t"), COLUMNS, List.of(COLUMNS.get(0)), new KeyIndex("t_pkey", KeyIndex.Kind.PRIMARY_KEY)), TEXTS);
        assertThat(json).isEqualTo("{\"i\":7,\"big\":9007199254740992,\"huge\":\"9007199254740993\","
                + "\"f\":0.1000000000000000055511151231257827,\"nan\":\"NaN\",\"n\":\"3000.00\",\"b\":true,"
                + "\"ts\":\"2025-07-22T12:00:00.123456Z\",\"inf\":\"infinity\",\"t\":\"a \",\"arr\":\"{1,2}\",\"nul\":null}");
    }

    @Test
    void theReaderKeepsEveryValuesSpelling(@TempDir Path dir) throws Exception {
        String row = RowJson.toJson(new TableShape(new TableName("public", "t"), COLUMNS, List.of(COLUMNS.get(0)), new KeyIndex("t_pkey", KeyIndex.Kind.PRIMARY_KEY)), TEXTS);
        Path file = Files.writeString(dir.resolve("d.json"), "{\"diffs\":{\"n1/n2\":{\"rows\":{\"n1\":[" + row + "],\"n2\":[]}}},"
                + "\"summary\":{\"schema\":\"public\",\"table\":\"t\",\"nodes\":[\"n1\",\"n2\"]}}");
        List<Map<String, DiffFileReader.Value>> rows = new ArrayList<>();
        new DiffFileReader(file).rows(r -> rows.add(new LinkedHashMap<>(r.values())));
        assertThat(rows).hasSize(1);
        Map<String, DiffFileReader.Value> values = rows.get(0);
        assertThat(values.get("huge").sqlText()).isEqualTo("9007199254740993");
        assertThat(values.get("f").sqlText()).isEqualTo("0.1000000000000000055511151231257827");
        assertThat(values.get("n").sqlText()).isEqualTo("3000.00");
        assertThat(values.get("t").sqlText()).isEqualTo("a ");
        assertThat(values.get("nul").sqlText()).isNull();
        assertThat(values.get("nul").kind()).isEqualTo(DiffFileReader.Value.Kind.NULL);
        assertThat(values.get("b").sqlText()).isEqualTo("true");
    }
}
