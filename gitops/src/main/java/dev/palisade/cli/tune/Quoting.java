package dev.palisade.cli.tune;

/** Palisade string literals for suggested lines. */
final class Quoting {
    private Quoting() {}

    static String string(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
