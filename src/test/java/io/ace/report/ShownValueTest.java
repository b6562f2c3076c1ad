package io.ace.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.difffile.DiffFileReader.Value;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the reports make visible in a value, character by character. */
@Tag("fast")
class ShownValueTest {

    private static ShownValue text(String s) {
        return ShownValue.of(new Value(Value.Kind.STRING, s));
    }

    /** The value as the page shows it, marks in brackets with their names. */
    private static String shown(List<ShownValue.Segment> segments) {
        return segments.stream().map(s -> s.marked() ? "[" + s.text() + "|" + s.mark() + "]" : s.text()).collect(Collectors.joining());
    }

    @Test
    void nullAndTheEmptyStringAreDistinctKinds() {
        assertThat(ShownValue.of(new Value(Value.Kind.NULL, null)).isNull()).isTrue();
        assertThat(ShownValue.of(null).isNull()).isTrue();
        assertThat(text("").isEmpty()).isTrue();
        assertThat(text("NULL").hasText()).isTrue();
    }

    @Test
    void spacesAtTheEndsAndInRunsAreMarkedASingleSpaceBetweenWordsIsNot() {
        assertThat(shown(text(" a b  c ").segments())).isEqualTo(
                "[\u2423|leading space]a b[\u2423|run of spaces][\u2423|run of spaces]c[\u2423|trailing space]");
        assertThat(shown(text("   ").segments())).isEqualTo("[\u2423|leading space][\u2423|leading space][\u2423|leading space]");
    }

    @Test
    void tabsLineBreaksAndInvisibleCharactersAreMarked() {
        assertThat(shown(text("a\tb\nc\rd").segments())).isEqualTo("a[\u21e5|tab]b[\u21b5|line feed]\nc[U+000D|carriage return]d");
        assertThat(shown(text("a\u00a0b\u200bc\ufeff").segments())).isEqualTo(
                "a[U+00A0|U+00A0 no-break space]b[U+200B|U+200B zero width space]c[U+FEFF|U+FEFF zero width no-break space]");
        assertThat(shown(text("\u0000\u0085").segments())).isEqualTo("[U+0000|U+0000 null][U+0085|U+0085 next line (nel)]");
        assertThat(shown(text("h\u00e9llo \ud83d\ude00").segments())).isEqualTo("h\u00e9llo \ud83d\ude00");
    }

    @Test
    void aLongValueIsCutAfterItsFirstCharactersAndKeptWhole() {
        String longValue = "x".repeat(ShownValue.CUT_AT - 1) + "  " + "y".repeat(20);
        ShownValue v = text(longValue);
        assertThat(v.cut()).isTrue();
        assertThat(v.hidden()).isEqualTo(21);
        // the space at the cut is judged on the whole value: it is part of a run, not trailing
        assertThat(shown(v.head())).isEqualTo("x".repeat(ShownValue.CUT_AT - 1) + "[\u2423|run of spaces]");
        assertThat(v.text()).isEqualTo(longValue);
        assertThat(text("x".repeat(ShownValue.CUT_AT)).cut()).isFalse();
    }

    @Test
    void aLongValueThatDiffersIsCutWhereItFirstDiffers() {
        String common = "0123456789".repeat(20);
        ShownValue v = ShownValue.of(new Value(Value.Kind.STRING, common + "END-B" + "z".repeat(100)),
                new Value(Value.Kind.STRING, common + "END-A"));
        assertThat(v.headFrom()).isEqualTo(common.length() + 4 - ShownValue.CONTEXT);
        assertThat(shown(v.head())).startsWith("4567890123456789END-B").hasSize(ShownValue.CUT_AT);
        assertThat(v.hidden()).isEqualTo(common.length() + 105 - ShownValue.CUT_AT);
        // a difference near the end: the last characters are shown
        ShownValue end = ShownValue.of(new Value(Value.Kind.STRING, common + "B"), new Value(Value.Kind.STRING, common + "A"));
        assertThat(end.headTo()).isEqualTo(end.length());
        assertThat(shown(end.head())).endsWith("789B");
    }
}
