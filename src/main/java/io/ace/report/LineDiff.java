package io.ace.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Two texts line by line, as a report shows a definition that differs between two nodes: every
 * line once, marked as on both, only on the first or only on the second.
 */
public final class LineDiff {

    /** One line: {@code ' '} on both sides, {@code '-'} only on the first, {@code '+'} only on the second. */
    public record Line(char sign, String text) {

        public String kind() {
            return sign == '-' ? "del" : sign == '+' ? "ins" : "same";
        }
    }

    private LineDiff() {
    }

    public static List<Line> of(String a, String b) {
        List<String> left = a == null ? List.of() : a.lines().toList();
        List<String> right = b == null ? List.of() : b.lines().toList();
        List<Line> lines = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(left, right).getDeltas()) {
            int from = delta.getSource().getPosition();
            for (; at < from; at++) {
                lines.add(new Line(' ', left.get(at)));
            }
            delta.getSource().getLines().forEach(l -> lines.add(new Line('-', l)));
            delta.getTarget().getLines().forEach(l -> lines.add(new Line('+', l)));
            at = from + delta.getSource().size();
        }
        for (; at < left.size(); at++) {
            lines.add(new Line(' ', left.get(at)));
        }
        return lines;
    }
}
