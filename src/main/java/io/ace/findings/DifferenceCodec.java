package io.ace.findings;

import io.ace.diff.KeyDifference;
import io.ace.diff.NodeRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A differing key as stored between steps: its key, odd node, and each node's row hash and column
 * values as PostgreSQL text, length-prefixed UTF-8. Bytes, because the repository stores them
 * with a copy where a string column costs a conversion per character in each direction
 * (measured: two thirds of a 300,000-difference diff's time), and the values stay as the node
 * printed them, so the diff file's JSON is made once, when it is written.
 */
final class DifferenceCodec {

    private static final int VERSION = 1;
    private static final int NULL = -1;

    private DifferenceCodec() {
    }

    static byte[] encode(KeyDifference d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(d.key().size());
            for (String k : d.key()) {
                writeString(out, k);
            }
            writeString(out, d.oddNode());
            out.writeInt(d.rows().size());
            for (Map.Entry<String, NodeRow> e : d.rows().entrySet()) {
                writeString(out, e.getKey());
                out.writeLong(e.getValue().hash());
                List<String> values = e.getValue().values();
                out.writeInt(values.size());
                for (String v : values) {
                    writeString(out, v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static KeyDifference decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("stored difference of format " + version + ", this version reads " + VERSION);
            }
            int keyColumns = in.readInt();
            List<String> key = new ArrayList<>(keyColumns);
            for (int i = 0; i < keyColumns; i++) {
                key.add(readString(in));
            }
            String odd = readString(in);
            int nodes = in.readInt();
            Map<String, NodeRow> rows = new LinkedHashMap<>();
            for (int n = 0; n < nodes; n++) {
                String node = readString(in);
                long hash = in.readLong();
                int count = in.readInt();
                List<String> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(readString(in));
                }
                rows.put(node, new NodeRow(values, hash));
            }
            return new KeyDifference(key, rows, odd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
