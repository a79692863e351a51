package dev.palisade.engine.waf.action;

import dev.palisade.engine.waf.Transaction;
import java.util.Locale;

/**
 * {@code setvar}: {@code tx.score=+%{tx.critical_anomaly_score}}, {@code tx.msg=%{rule.msg}},
 * {@code !tx.flag}, {@code tx.flag} (sets 1). Name and value are macro templates; {@code +}/{@code -}
 * add to or subtract from the current value, read as an integer the way ModSecurity's
 * {@code atoi} does (leading digits; none means 0).
 *
 * @param collection {@code tx}, {@code ip}, … lower case
 */
public record SetVar(boolean delete, String collection, String name, Op op, String value) {

    public enum Op { SET, ADD, SUBTRACT }

    /**
     * Reads a {@code setvar} argument.
     *
     * @throws IllegalArgumentException when there is no {@code collection.name}
     */
    public static SetVar parse(String text) {
        String body = text.trim();
        boolean delete = body.startsWith("!");
        if (delete) {
            body = body.substring(1);
        }
        int equals = body.indexOf('=');
        String target = equals < 0 ? body : body.substring(0, equals);
        int dot = target.indexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
            throw new IllegalArgumentException("setvar needs `collection.name`, got `" + text + "`");
        }
        String collection = target.substring(0, dot).trim().toLowerCase(Locale.ROOT);
        String name = target.substring(dot + 1).trim();
        if (equals < 0) {
            return new SetVar(delete, collection, name, Op.SET, "1");
        }
        String value = body.substring(equals + 1);
        Op op = Op.SET;
        if (value.startsWith("+")) {
            op = Op.ADD;
            value = value.substring(1);
        } else if (value.startsWith("-")) {
            op = Op.SUBTRACT;
            value = value.substring(1);
        }
        return new SetVar(delete, collection, name, op, value);
    }

    public void apply(Transaction transaction) {
        String key = transaction.expand(name);
        if (delete) {
            transaction.collectionRemove(collection, key);
            return;
        }
        String expanded = transaction.expand(value);
        String result = switch (op) {
            case SET -> expanded;
            case ADD -> Long.toString(atoi(transaction.collectionGet(collection, key)) + atoi(expanded));
            case SUBTRACT -> Long.toString(atoi(transaction.collectionGet(collection, key)) - atoi(expanded));
        };
        transaction.collectionPut(collection, key, result);
    }

    /** C's {@code atoi}: optional spaces and sign, then digits; anything else ends it. */
    static long atoi(String text) {
        if (text == null) {
            return 0;
        }
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && value < Long.MAX_VALUE / 10 - 10) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        return negative ? -value : value;
    }
}
