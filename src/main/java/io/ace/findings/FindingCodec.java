package io.ace.findings;

import io.ace.diff.KeyDifference;
import io.ace.diff.KeyRecheck;
import io.ace.diff.NodeRow;
import io.ace.diff.RowOrigin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as the repository stores them: runs of records, one per value, length-prefixed UTF-8.
 * A differing key is its key, odd node, and each node's row hash and column values as the node
 * printed them, so the diff file's JSON is made once, when it is written. Bytes in runs, because
 * a repository row costs far more than its bytes: a row per difference made storing and reading
 * them most of a 300,000-difference diff's time.
 */
public final class FindingCodec {

    /** Most records in one run. */
    public static final int RUN_RECORDS = 1_000;
    /** About the most bytes in one run. */
    static final int RUN_BYTES = 64 * 1024;

    /** Differences as stored before rows carried their origin; still read, for a run resumed after an upgrade. */
    private static final int DIFFERENCES_WITHOUT_ORIGINS = 1;
    private static final int TEXTS = 2;
    /** Differences, each row followed by its origin (node and commit time, both null when not read) and its relation (null: the table). */
    private static final int DIFFERENCES_WITHOUT_COPIES = 3;
    /** As {@link #DIFFERENCES_WITHOUT_COPIES}, each row then followed by how many copies of it the node holds. */
    private static final int DIFFERENCES = 4;
    private static final int NULL = -1;

    private FindingCodec() {
    }

    /** Encoded runs of records, each with the position of its first record in the list. */
    record Run(int offset, byte[] data) {
    }

    static List<Run> differenceRuns(List<KeyDifference> differences) {
        return runs(DIFFERENCES, differences, (out, d) -> {
            writeStrings(out, d.key());
            writeString(out, d.oddNode());
            out.writeInt(d.rows().size());
            for (Map.Entry<String, NodeRow> e : d.rows().entrySet()) {
                writeString(out, e.getKey());
                out.writeLong(e.getValue().hash());
                writeStrings(out, e.getValue().values());
                RowOrigin origin = e.getValue().origin();
                writeString(out, origin == null ? null : origin.node());
                writeString(out, origin == null ? null : origin.commitTs());
                writeString(out, e.getValue().relation());
                out.writeLong(e.getValue().copies());
            }
        });
    }

    static List<KeyDifference> decodeDifferences(byte[] data) {
        int kind = differenceKind(data);
        boolean origins = kind != DIFFERENCES_WITHOUT_ORIGINS;
        return decode(data, kind, in -> {
            List<String> key = readStrings(in);
            String odd = readString(in);
            int nodes = in.readInt();
            Map<String, NodeRow> rows = new LinkedHashMap<>();
            for (int n = 0; n < nodes; n++) {
                String node = readString(in);
                long hash = in.readLong();
                List<String> values = readStrings(in);
                String from = origins ? readString(in) : null;
                String commitTs = origins ? readString(in) : null;
                String relation = origins ? readString(in) : null;
                long copies = kind == DIFFERENCES ? in.readLong() : 1;
                rows.put(node, new NodeRow(values, hash, from == null ? null : new RowOrigin(from, commitTs), relation, copies));
            }
            return new KeyDifference(key, rows, odd);
        });
    }

    /** Only the keys and row hashes of a run of differences: the rows' values are skipped, not read into strings. */
    static List<KeyRecheck.Recorded> decodeRecorded(byte[] data) {
        int kind = differenceKind(data);
        boolean origins = kind != DIFFERENCES_WITHOUT_ORIGINS;
        return decode(data, kind, in -> {
            List<String> key = readStrings(in);
            skipString(in);
            int nodes = in.readInt();
            Map<String, Long> hashes = new LinkedHashMap<>();
            for (int n = 0; n < nodes; n++) {
                String node = readString(in);
                hashes.put(node, in.readLong());
                for (int v = in.readInt() + (origins ? 3 : 0); v > 0; v--) {
                    skipString(in);
                }
                if (kind == DIFFERENCES) {
                    in.readLong();
                }
            }
            return new KeyRecheck.Recorded(key, hashes);
        });
    }

    /** Which of the three layouts of differences a run was stored in. */
    private static int differenceKind(byte[] data) {
        int kind = data[0];
        return kind == DIFFERENCES_WITHOUT_ORIGINS || kind == DIFFERENCES_WITHOUT_COPIES ? kind : DIFFERENCES;
    }

    static List<Run> textRuns(List<String> texts) {
        return runs(TEXTS, texts, FindingCodec::writeString);
    }

    static List<String> decodeTexts(byte[] data) {
        return decode(data, TEXTS, FindingCodec::readString);
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T record) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /**
     * Cuts records into runs of at most {@link #RUN_RECORDS} records and about {@link #RUN_BYTES}
     * bytes: the repository keeps a row in its pages, which it copies whole, so rows stay small.
     */
    private static <T> List<Run> runs(int kind, List<T> records, Writer<T> writer) {
        List<Run> runs = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(RUN_BYTES + RUN_BYTES / 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            int first = 0;
            for (int i = 0; i < records.size(); i++) {
                writer.write(out, records.get(i));
                if (i + 1 - first == RUN_RECORDS || bytes.size() >= RUN_BYTES || i + 1 == records.size()) {
                    out.flush();
                    runs.add(new Run(first, run(kind, i + 1 - first, bytes.toByteArray())));
                    bytes.reset();
                    first = i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    private static byte[] run(int kind, int count, byte[] records) {
        ByteBuffer run = ByteBuffer.allocate(5 + records.length);
        run.put((byte) kind).putInt(count).put(records);
        return run.array();
    }

    private static <T> List<T> decode(byte[] data, int kind, Reader<T> record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int stored = in.readByte();
            if (stored != kind) {
                throw new IllegalStateException("stored findings of kind " + stored + " where kind " + kind + " was expected");
            }
            int count = in.readInt();
            List<T> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                records.add(record.read(in));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(readString(in));
        }
        return strings;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void skipString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length > 0) {
            in.skipBytes(length);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
