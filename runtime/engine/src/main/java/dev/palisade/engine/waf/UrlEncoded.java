package dev.palisade.engine.waf;

import dev.palisade.engine.transform.Transformations;
import dev.palisade.engine.transform.Transformation;
import java.util.ArrayList;
import java.util.List;

/** Query strings and URL-encoded bodies into arguments: split on the separator, then at the first {@code =}, decoded leniently. */
final class UrlEncoded {
    private static final Transformation DECODE = Transformations.named("urlDecode").orElseThrow();

    private UrlEncoded() {}

    static List<Entry> parse(String text, char separator) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(separator, start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                String piece = text.substring(start, end);
                int equals = piece.indexOf('=');
                if (equals < 0) {
                    out.add(new Entry(DECODE.apply(piece), ""));
                } else {
                    out.add(new Entry(DECODE.apply(piece.substring(0, equals)), DECODE.apply(piece.substring(equals + 1))));
                }
            }
            start = end + 1;
        }
        return out;
    }
}
