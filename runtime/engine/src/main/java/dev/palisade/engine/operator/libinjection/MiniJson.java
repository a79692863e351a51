package dev.palisade.engine.operator.libinjection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON to read {@code sqlparse_data.json} (objects, arrays, strings, simple escapes)
 * at class-load time. The engine has no JSON library at runtime scope (DESIGN.md keeps its
 * dependencies at none), and the file is trusted data shipped in our own jar.
 */
final class MiniJson {

    private final String text;
    private int pos;

    private MiniJson(String text) {
        this.text = text;
    }

    @SuppressWarnings("unchecked") // the caller's file is an object at top level, checked below
    static Map<String, Object> parseObject(String text) {
        MiniJson parser = new MiniJson(text);
        Object value = parser.value();
        parser.skipWhite();
        if (!(value instanceof Map) || parser.pos != text.length()) {
            throw new IllegalStateException("expected one JSON object");
        }
        return (Map<String, Object>) value;
    }

    private Object value() {
        skipWhite();
        char c = peek();
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhite();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhite();
            String key = string();
            skipWhite();
            expect(':');
            map.put(key, value());
            skipWhite();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipWhite();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipWhite();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
    }

    private void skipWhite() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalStateException error(String message) {
        return new IllegalStateException("sqlparse_data.json at offset " + pos + ": " + message);
    }
}
