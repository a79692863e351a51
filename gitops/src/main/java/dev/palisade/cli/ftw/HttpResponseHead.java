package dev.palisade.cli.ftw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response read off the wire, a byte string: status, headers and body. Interim 1xx responses
 * (100 Continue) are skipped.
 */
record HttpResponseHead(int status, List<String[]> headers, String body) {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})(?: .*)?");

    Optional<String> header(String name) {
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                return Optional.of(header[1]);
            }
        }
        return Optional.empty();
    }

    static Optional<HttpResponseHead> parse(String text) {
        String rest = text;
        while (true) {
            int end = headEnd(rest);
            String head = end < 0 ? rest : rest.substring(0, end);
            String[] lines = head.split("\r?\n", -1);
            Matcher status = STATUS_LINE.matcher(lines[0]);
            if (!status.matches()) {
                return Optional.empty();
            }
            int code = Integer.parseInt(status.group(1));
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()});
                }
            }
            String body = end < 0 ? "" : rest.substring(end + bodyOffset(rest, end));
            if (code >= 100 && code < 200 && code != 101 && end >= 0) {
                rest = body;
                continue;
            }
            return Optional.of(new HttpResponseHead(code, headers, body));
        }
    }

    /** Whether {@code text} holds a whole final response by its framing (Content-Length, chunked, none). */
    static boolean complete(String text) {
        int end = headEnd(text);
        if (end < 0) {
            return false;
        }
        Optional<HttpResponseHead> parsed = parse(text);
        if (parsed.isEmpty()) {
            return true;
        }
        HttpResponseHead head = parsed.get();
        if (head.status() < 200 && head.status() != 101 && head.body().isEmpty()) {
            return false;
        }
        if (head.status() == 204 || head.status() == 304) {
            return true;
        }
        Optional<String> length = head.header("Content-Length");
        if (length.isPresent() && length.get().matches("\\d{1,9}")) {
            return head.body().length() >= Integer.parseInt(length.get());
        }
        if (head.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            return head.body().endsWith("0\r\n\r\n");
        }
        return false;
    }

    private static int headEnd(String text) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (crlf < 0) {
            return lf;
        }
        return lf < 0 ? crlf : Math.min(crlf, lf);
    }

    private static int bodyOffset(String text, int end) {
        return text.startsWith("\r\n\r\n", end) ? 4 : 2;
    }
}
