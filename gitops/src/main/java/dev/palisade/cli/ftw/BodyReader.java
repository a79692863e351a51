package dev.palisade.cli.ftw;

import dev.palisade.engine.waf.WafRequest;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/** The message body after the header section: chunked, by Content-Length, or none (RFC 9112 §6.3). */
final class BodyReader {
    /** Either the body's bytes or why there is none to give. */
    record Body(byte[] bytes, ParsedRequest problem) {
        static Body of(byte[] bytes) {
            return new Body(bytes, null);
        }

        static Body failed(ParsedRequest problem) {
            return new Body(new byte[0], problem);
        }
    }

    private final String text;
    private int position;

    BodyReader(String text, int position) {
        this.text = text;
        this.position = position;
    }

    Body read(List<WafRequest.Header> headers) {
        List<String> codings = RawRequestParser.listValues(headers, "Transfer-Encoding");
        if (!codings.isEmpty()) {
            // §6.3 ¶3: Transfer-Encoding overrides Content-Length; ¶4: a request whose last coding is
            // not chunked has no determinable length, and the server answers 400
            if (!codings.get(codings.size() - 1).toLowerCase(Locale.ROOT).equals("chunked")) {
                return Body.failed(RawRequestParser.refused("a Transfer-Encoding that does not end in chunked"));
            }
            return chunked();
        }
        List<String> lengths = RawRequestParser.listValues(headers, "Content-Length");
        if (lengths.isEmpty()) {
            return Body.of(new byte[0]);
        }
        for (String length : lengths) {
            if (!RawRequestParser.digits(length) || length.length() > 18) {
                return Body.failed(RawRequestParser.refused("the Content-Length `" + length + "` is not a number"));
            }
            if (Long.parseLong(length) != Long.parseLong(lengths.get(0))) {
                return Body.failed(RawRequestParser.refused("Content-Length values disagree"));
            }
        }
        long length = Long.parseLong(lengths.get(0));
        long available = text.length() - position;
        if (available < length) {
            return Body.failed(new ParsedRequest.Unanswered("the body is " + available
                    + " bytes, shorter than its Content-Length " + length
                    + ": a server waits for the rest and the client times out"));
        }
        return Body.of(RawRequestParser.latin1(text.substring(position, position + (int) length)));
    }

    private Body chunked() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = nextLine();
            if (line == null) {
                return Body.failed(new ParsedRequest.Unanswered("the chunked body never ends"));
            }
            int semicolon = line.indexOf(';');
            String size = RawRequestParser.owsTrim(semicolon < 0 ? line : line.substring(0, semicolon));
            if (size.isEmpty() || size.length() > 15 || !size.matches("[0-9A-Fa-f]+")) {
                return Body.failed(RawRequestParser.refused("the chunk size `" + line + "` is not hexadecimal"));
            }
            long length = Long.parseLong(size, 16);
            if (length == 0) {
                return trailers(body);
            }
            if (text.length() - position < length) {
                return Body.failed(new ParsedRequest.Unanswered("a chunk is shorter than its size " + length));
            }
            body.writeBytes(RawRequestParser.latin1(text.substring(position, position + (int) length)));
            position += (int) length;
            if (text.startsWith("\r\n", position)) {
                position += 2;
            } else if (text.startsWith("\n", position)) {
                position += 1;
            } else if (position >= text.length()) {
                return Body.failed(new ParsedRequest.Unanswered("the chunked body never ends"));
            } else {
                return Body.failed(RawRequestParser.refused("a chunk not followed by CRLF"));
            }
        }
    }

    /** Trailer fields are read and dropped; the WAF sees the header section only. */
    private Body trailers(ByteArrayOutputStream body) {
        while (true) {
            String line = nextLine();
            if (line == null) {
                return Body.failed(new ParsedRequest.Unanswered("the chunked body's trailer section never ends"));
            }
            if (line.isEmpty()) {
                return Body.of(body.toByteArray());
            }
        }
    }

    private String nextLine() {
        int newline = text.indexOf('\n', position);
        if (newline < 0) {
            return null;
        }
        int end = newline > position && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
        String line = text.substring(position, end);
        position = newline + 1;
        return line;
    }
}
