package dev.palisade.engine.operator.libinjection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data the SQL tokenizer runs on: libinjection's keyword table (word → token type), its
 * character map (byte → which parser starts there) and its fingerprint set. All three come from
 * the resources {@code sqlparse_data.json} and {@code fingerprints.txt}, copied unchanged from
 * libinjection (see NOTICE), so updating them is a file copy, not a code change.
 */
final class SqlTables {

    /** Character classes, in the order the tokenizer's dispatch switch uses them. */
    static final int WHITE = 0, BANG = 1, STR = 2, HASH = 3, MONEY = 4, OP1 = 5, OP2 = 6,
            LEFT_PARENS = 7, RIGHT_PARENS = 8, UNARY = 9, COMMA = 10, DASH = 11, NUM = 12,
            SLASH = 13, SEMICOLON = 14, OTHER = 15, VAR = 16, WORD = 17, BSTRING = 18,
            ESTRING = 19, NQSTRING = 20, QSTRING = 21, USTRING = 22, XSTRING = 23, BWORD = 24,
            BACK = 25, TICK = 26, LEFT_BRACE = 27, RIGHT_BRACE = 28;

    private static final List<String> CLASS_NAMES = List.of(
            "CHAR_WHITE", "CHAR_BANG", "CHAR_STR", "CHAR_HASH", "CHAR_MONEY", "CHAR_OP1", "CHAR_OP2",
            "CHAR_LEFTPARENS", "CHAR_RIGHTPARENS", "CHAR_UNARY", "CHAR_COMMA", "CHAR_DASH", "CHAR_NUM",
            "CHAR_SLASH", "CHAR_SEMICOLON", "CHAR_OTHER", "CHAR_VAR", "CHAR_WORD", "CHAR_BSTRING",
            "CHAR_ESTRING", "CHAR_NQSTRING", "CHAR_QSTRING", "CHAR_USTRING", "CHAR_XSTRING", "CHAR_BWORD",
            "CHAR_BACK", "CHAR_TICK", "CHAR_LEFTBRACE", "CHAR_RIGHTBRACE");

    private static final String RESOURCE_DIR = "/dev/palisade/engine/operator/libinjection/";

    private static final byte[] CHAR_CLASS = new byte[256];
    /**
     * The keyword table as open addressing over upper-case keys, so a lookup hashes the input's
     * chars in place instead of allocating an upper-cased copy (this is the tokenizer's hot path).
     */
    private static final String[] KEYWORD_KEYS;
    private static final char[] KEYWORD_TYPES;
    private static final int KEYWORD_MASK;
    private static final Set<String> FINGERPRINTS;

    static {
        Map<?, ?> data;
        try {
            data = new ObjectMapper().readValue(read("sqlparse_data.json"), Map.class);
        } catch (JsonProcessingException broken) {
            throw new IllegalStateException("sqlparse_data.json is not valid JSON", broken);
        }
        List<?> charmap = (List<?>) data.get("charmap");
        if (charmap == null || charmap.size() != 256) {
            throw new IllegalStateException("sqlparse_data.json: charmap must have 256 entries");
        }
        for (int i = 0; i < 256; i++) {
            int cls = CLASS_NAMES.indexOf((String) charmap.get(i));
            if (cls < 0) {
                throw new IllegalStateException("sqlparse_data.json: unknown char class " + charmap.get(i));
            }
            CHAR_CLASS[i] = (byte) cls;
        }
        Map<?, ?> keywords = (Map<?, ?>) data.get("keywords");
        Map<String, Character> table = new HashMap<>(keywords.size() * 2);
        keywords.forEach((word, type) -> table.put((String) word, ((String) type).charAt(0)));
        int capacity = Integer.highestOneBit(table.size() * 4);
        KEYWORD_KEYS = new String[capacity];
        KEYWORD_TYPES = new char[capacity];
        KEYWORD_MASK = capacity - 1;
        table.forEach((word, type) -> {
            int slot = spread(word.hashCode()) & KEYWORD_MASK;
            while (KEYWORD_KEYS[slot] != null) {
                slot = (slot + 1) & KEYWORD_MASK;
            }
            KEYWORD_KEYS[slot] = word;
            KEYWORD_TYPES[slot] = type;
        });

        Set<String> fingerprints = new HashSet<>();
        for (String line : read("fingerprints.txt").split("\n")) {
            String fingerprint = line.strip();
            if (!fingerprint.isEmpty()) {
                // Upstream stores fingerprints upper-cased and compares upper-cased; so do we,
                // which makes e.g. 't' (SQL type) and 'T' (T-SQL) the same letter, as upstream.
                fingerprints.add(upperAscii(fingerprint));
            }
        }
        FINGERPRINTS = Set.copyOf(fingerprints);
    }

    private SqlTables() {}

    /** The parser class of a character; chars above 0xFF (not bytes) count as word characters. */
    static int charClass(char c) {
        return c < 256 ? CHAR_CLASS[c] : WORD;
    }

    /**
     * The token type of a word, or 0 when it is no keyword. Case-insensitive for ASCII letters
     * only, like upstream (no locale).
     */
    static char lookupWord(String s, int from, int len) {
        int hash = 0;
        for (int i = 0; i < len; i++) {
            hash = 31 * hash + upper(s.charAt(from + i)); // String.hashCode of the upper-cased word
        }
        for (int slot = spread(hash) & KEYWORD_MASK; KEYWORD_KEYS[slot] != null; slot = (slot + 1) & KEYWORD_MASK) {
            String key = KEYWORD_KEYS[slot];
            if (key.length() == len && equalsUpper(key, s, from)) {
                return KEYWORD_TYPES[slot];
            }
        }
        return 0;
    }

    private static boolean equalsUpper(String key, String s, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != upper(s.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 0x20) : c;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    static char lookupWord(String word) {
        return lookupWord(word, 0, word.length());
    }

    /** Whether a (folded) fingerprint is in the SQLi fingerprint set; case-insensitive. */
    static boolean isFingerprint(String fingerprint) {
        return FINGERPRINTS.contains(upperAscii(fingerprint));
    }

    static int fingerprintCount() {
        return FINGERPRINTS.size();
    }

    static String upperAscii(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) (c - 0x20));
            }
        }
        return out == null ? s : out.toString();
    }

    private static String read(String name) {
        try (InputStream in = SqlTables.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE_DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
