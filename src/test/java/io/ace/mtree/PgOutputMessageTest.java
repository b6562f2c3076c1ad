package io.ace.mtree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** pgoutput's binary messages (protocol 1), written here as the server lays them out, read back. */
@Tag("fast")
class PgOutputMessageTest {

    /** Builds one message: kind byte, then the fields in order. */
    private static final class Message {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Message(char kind) throws IOException {
            out.writeByte(kind);
        }

        Message i8(int v) throws IOException {
            out.writeByte(v);
            return this;
        }

        Message i16(int v) throws IOException {
            out.writeShort(v);
            return this;
        }

        Message i32(int v) throws IOException {
            out.writeInt(v);
            return this;
        }

        Message i64(long v) throws IOException {
            out.writeLong(v);
            return this;
        }

        Message string(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.writeByte(0);
            return this;
        }

        /** TupleData: each value text, or null ('n'), or unchanged TOAST when the value is the marker. */
        Message tuple(String... values) throws IOException {
            out.writeShort(values.length);
            for (String v : values) {
                if (v == null) {
                    out.writeByte('n');
                } else if (v.equals("<u>")) {
                    out.writeByte('u');
                } else {
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    out.writeByte('t');
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            return this;
        }

        PgOutputMessage parse() {
            return PgOutputMessage.parse(ByteBuffer.wrap(bytes.toByteArray()));
        }
    }

    @Test
    void relationNamesItsColumnsAndKey() throws IOException {
        PgOutputMessage m = new Message('R').i32(16384).string("public").string("crème").i8('d').i16(2)
                .i8(1).string("id").i32(23).i32(-1)
                .i8(0).string("v").i32(25).i32(-1).parse();
        assertThat(m).isEqualTo(new PgOutputMessage.Relation(16384, "public", "crème",
                List.of(new PgOutputMessage.Column("id", true), new PgOutputMessage.Column("v", false))));
    }

    @Test
    void insertUpdateWithKeyChangeDeleteAndTruncate() throws IOException {
        PgOutputMessage.Insert insert = (PgOutputMessage.Insert) new Message('I').i32(7).i8('N').tuple("1", null).parse();
        assertThat(insert.relation()).isEqualTo(7);
        assertThat(insert.row().values()).isEqualTo(Arrays.asList("1", null));

        PgOutputMessage.Update plain = (PgOutputMessage.Update) new Message('U').i32(7).i8('N').tuple("1", "<u>").parse();
        assertThat(plain.old()).isNull();
        assertThat(plain.row().unchanged(1)).isTrue();
        assertThat(plain.row().unchanged(0)).isFalse();

        PgOutputMessage.Update moved = (PgOutputMessage.Update) new Message('U').i32(7).i8('K').tuple("1", null)
                .i8('N').tuple("2", "x").parse();
        assertThat(moved.old().values()).isEqualTo(Arrays.asList("1", null));
        assertThat(moved.row().values()).isEqualTo(List.of("2", "x"));

        PgOutputMessage.Delete delete = (PgOutputMessage.Delete) new Message('D').i32(7).i8('O').tuple("3", "y").parse();
        assertThat(delete.old().values()).isEqualTo(List.of("3", "y"));

        assertThat(new Message('T').i32(2).i8(0).i32(7).i32(8).parse()).isEqualTo(new PgOutputMessage.Truncate(List.of(7, 8)));
    }

    @Test
    void transactionBoundsAndWhatCaptureIgnores() throws IOException {
        assertThat(new Message('B').i64(100).i64(0).i32(5).parse()).isInstanceOf(PgOutputMessage.Begin.class);
        assertThat(new Message('C').i8(0).i64(100).i64(120).i64(0).parse()).isInstanceOf(PgOutputMessage.Commit.class);
        assertThat(new Message('O').i64(100).string("n3").parse()).isEqualTo(new PgOutputMessage.Other('O'));
        assertThat(new Message('Y').i32(99).string("public").string("mood").parse()).isEqualTo(new PgOutputMessage.Other('Y'));
    }
}
