package dev.parley.gateway.channels;

import java.util.ArrayList;
import java.util.List;

/** Splitting and cutting texts to a platform's length limit without breaking a surrogate pair. */
public final class TextChunks {

    private TextChunks() {
    }

    /** {@code text} in pieces of at most {@code max} chars. */
    public static List<String> split(String text, int max) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + max);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }

    /** {@code text} cut to at most {@code max} chars, ending in an ellipsis when cut. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
