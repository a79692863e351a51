package dev.palisade.engine.waf;

import java.util.List;

/** {@code Cookie: a=1; b=2} into {@code REQUEST_COOKIES}: split on {@code ;}, names trimmed, values raw. */
final class Cookies {
    private Cookies() {}

    static void parse(String header, List<Entry> out) {
        for (String piece : header.split(";")) {
            String trimmed = piece.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                out.add(new Entry(trimmed, ""));
            } else {
                out.add(new Entry(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1)));
            }
        }
    }
}
