package dev.palisade.proxy.log;

import java.time.Instant;

/**
 * One JSON object on one line, written field by field into a {@code StringBuilder}: the decision
 * log's only writer. Jackson's {@code JsonGenerator} (a generator, an I/O context and a
 * {@code StringWriter} per line, every string copied through its escape buffer) was a quarter of
 * the proxy's own CPU per request in LoadBenchmark's profile; this is the same output for the few
 * value kinds a line has. Escaping is Jackson's default, byte for byte ({@code JsonLineProperties}
 * compares the two): {@code "} and {@code \}, the short forms {@code \\b \\t \\n \\f \\r}, every other
 * control character below U+0020 as {@code \\u00XX} (upper-case hex), everything else as is
 * (non-ASCII too: the sink encodes it).
 *
 * <p>Field names are the log's own constants and are written as they are; values are escaped.
 * Fields are separated by the writer, so a caller only names them in order:
 * <pre>{@code new JsonLine().field("status", 200).field("path", "/").end()}</pre>
 */
final class JsonLine {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(512).append('{');
    /** Whether the next value inside the current object or array needs a comma before it. */
    private boolean comma;

    JsonLine field(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    JsonLine field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    JsonLine field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    /** An {@code Instant} as {@link Instant#toString} writes it, a string. */
    JsonLine field(String name, Instant value) {
        name(name);
        out.append('"');
        Timestamps.append(out, value);
        out.append('"');
        return this;
    }

    JsonLine nullField(String name) {
        name(name);
        out.append("null");
        return this;
    }

    JsonLine startArray(String name) {
        name(name);
        out.append('[');
        comma = false;
        return this;
    }

    JsonLine endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    JsonLine startObject() {
        separate();
        out.append('{');
        comma = false;
        return this;
    }

    JsonLine endObject() {
        out.append('}');
        comma = true;
        return this;
    }

    /** An array element. */
    JsonLine value(String value) {
        separate();
        string(value);
        return this;
    }

    /** An array element. */
    JsonLine value(long value) {
        separate();
        out.append(value);
        return this;
    }

    /** Fields written before by {@link #fields()}, as they are. */
    JsonLine fields(String written) {
        separate();
        out.append(written);
        return this;
    }

    /** The fields written so far, without the braces: for {@link #fields(String)} in another line. */
    String fields() {
        return out.substring(1);
    }

    /** Closes the line's object and returns it. */
    String end() {
        return out.append('}').toString();
    }

    /** INVARIANT: names are the log's own constants, plain ASCII that needs no escaping (not scanned). */
    private void name(String name) {
        separate();
        out.append('"').append(name).append("\":");
    }

    private void separate() {
        if (comma) {
            out.append(',');
        }
        comma = true;
    }

    private void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int length = value.length();
        int plain = 0;
        for (int index = 0; index < length; index++) {
            char c = value.charAt(index);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, plain, index);
            plain = index + 1;
            out.append('\\');
            switch (c) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(value, plain, length).append('"');
    }
}
