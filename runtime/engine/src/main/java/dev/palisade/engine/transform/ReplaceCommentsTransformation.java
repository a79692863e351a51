package dev.palisade.engine.transform;

/**
 * {@code t:replaceComments}: each C-style comment {@code /* … *}{@code /} becomes one space.
 *
 * <pre>SecRule ARGS "@rx union select" "id:1,phase:2,t:replaceComments,deny"</pre>
 *
 * <p>ModSecurity v3 {@code replace_comments.cc} (Coraza {@code replace_comments.go}): comments
 * do not nest; an unterminated comment runs to the end and still becomes one space; a lone
 * {@code *}{@code /} outside a comment is kept.
 */
final class ReplaceCommentsTransformation implements Transformation {

    @Override
    public String name() {
        return "replaceComments";
    }

    @Override
    public String apply(String value) {
        int first = value.indexOf("/*");
        if (first < 0) {
            return value;
        }
        int length = value.length();
        StringBuilder out = new StringBuilder(length);
        out.append(value, 0, first);
        int i = first;
        while (i < length) {
            int open = value.indexOf("/*", i);
            if (open < 0) {
                out.append(value, i, length);
                break;
            }
            out.append(value, i, open);
            int close = value.indexOf("*/", open + 2);
            out.append(' ');
            i = close < 0 ? length : close + 2;
        }
        return out.toString();
    }
}
