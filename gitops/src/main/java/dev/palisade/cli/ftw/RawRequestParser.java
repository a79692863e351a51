package dev.palisade.cli.ftw;

import dev.palisade.engine.waf.WafRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the bytes a stage sends the way a lenient but conforming HTTP/1.1 front end would (RFC
 * 9112), for the in-process target. Text stays a byte string (ISO-8859-1, one char per byte).
 *
 * <p>Lenient where servers are: empty lines before the request line are skipped (§2.2), lines may
 * end in a bare LF if asked ({@link LineEndings}; Apache refused them), obsolete line folding is
 * joined with one space (§5.2), odd but valid method tokens ({@code |GET}, {@code
 * REALLYLONGUNREALMETHOD}) pass as sent, and so does a target with characters a strict URI parser
 * would refuse ({@code <}, {@code "}, non-ASCII).
 *
 * <p>Refused with 400, as Apache refused them for the reference run: whitespace before the method
 * ({@code \tGET}: 920100-2, -12), a method that is not a token, a target that is not origin-,
 * absolute-, asterisk- or (for CONNECT) authority-form (nor {@code ?query}, which Apache passes)
 * ({@code \}: 920100-11), a target with a control character or a fragment ({@code #}: 920100-8,
 * 920610-2), whitespace inside the version (a target with spaces: 920100-15), a version other than
 * {@code HTTP/1.x}..{@code HTTP/9.x} (920430-6, -7, -9, -10, 920280-3), a bare CR (921140-1), a
 * bare LF by default (932100-3), a header line without a colon, a field name followed by whitespace
 * (§5.1), whitespace before the first header (§2.2), an HTTP/1.1 request without a Host (§3.2;
 * 920290-1), a Host that is not a host name (Apache's check; 920270-4), a Content-Length that is
 * not digits or disagrees with another (§6.3; 920160-1..3), a Transfer-Encoding whose last coding
 * is not chunked (§6.3), and a malformed chunk. A Content-Length beside a chunked
 * Transfer-Encoding is dropped before the WAF sees the request, as Apache does.
 *
 * <p>Unanswered: a request line without a version (HTTP/0.9; 920430-5), a header section or body
 * that never ends (920340-2, 920400-1). Bytes after the body (a pipelined request) are ignored.
 */
public final class RawRequestParser {
    static final String REMOTE_ADDRESS = "127.0.0.1";
    static final int REMOTE_PORT = 40000;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/[1-9]\\.[0-9]");
    private static final Pattern ABSOLUTE_FORM = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*://.*");
    private static final Pattern AUTHORITY_FORM = Pattern.compile("[^/?#@\\s]+:[0-9]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-:\\[\\]]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** How the request line and header lines may end. */
    public enum LineEndings {
        /**
         * CRLF only: Apache's {@code HttpProtocolOptions Strict} (the 2.4 default, so the reference
         * run's) reads those lines with {@code AP_GETLINE_CRLF} and answers 400 to a bare LF; the
         * one stage of the suites that sends bare LFs, 932100-3 (an encoded request), expects 400.
         */
        CRLF_ONLY,
        /** A bare LF ends a line too, as RFC 9112 §2.2 allows a recipient (Netty, nginx). */
        BARE_LF_ACCEPTED
    }

    private final String text;
    private final LineEndings lineEndings;
    private int position;
    private boolean bareLf;

    private RawRequestParser(byte[] bytes, LineEndings lineEndings) {
        this.text = new String(bytes, StandardCharsets.ISO_8859_1);
        this.lineEndings = lineEndings;
    }

    /** Parses as the reference front end (Apache, strict) did: {@link LineEndings#CRLF_ONLY}. */
    public static ParsedRequest parse(byte[] bytes, int serverPort) {
        return parse(bytes, serverPort, LineEndings.CRLF_ONLY);
    }

    public static ParsedRequest parse(byte[] bytes, int serverPort, LineEndings lineEndings) {
        return new RawRequestParser(bytes, lineEndings).parse(serverPort);
    }

    private ParsedRequest parse(int serverPort) {
        while (text.startsWith("\r\n", position) || text.startsWith("\n", position)) {
            position += text.startsWith("\n", position) ? 1 : 2;
        }
        String line = nextLine();
        if (line == null) {
            return new ParsedRequest.Unanswered("the request line never ends (a server would wait for more)");
        }
        if (line.indexOf('\r') >= 0) {
            return refused("a bare CR in the request line");
        }
        if (line.startsWith(" ") || line.startsWith("\t")) {
            return refused("whitespace before the method");
        }
        int firstSpace = line.indexOf(' ');
        if (firstSpace < 0) {
            return refused("a request line without a target");
        }
        String method = line.substring(0, firstSpace);
        if (!TOKEN.matcher(method).matches()) {
            return refused("the method `" + method + "` is not a token");
        }
        String rest = line.substring(firstSpace + 1);
        int secondSpace = rest.indexOf(' ');
        String target = secondSpace < 0 ? rest : rest.substring(0, secondSpace);
        String version = secondSpace < 0 ? "" : rest.substring(secondSpace + 1);
        if (target.isEmpty()) {
            return refused("an empty request target");
        }
        if (version.isEmpty()) {
            return new ParsedRequest.Unanswered("an HTTP/0.9 request (no version): the answer has no status line");
        }
        if (version.indexOf(' ') >= 0 || version.indexOf('\t') >= 0) {
            return refused("whitespace inside the request line (a space in the target?)");
        }
        if (!VERSION.matcher(version).matches()) {
            return refused("the version `" + version + "` is not HTTP/1.x or later");
        }
        String targetProblem = targetProblem(method, target);
        if (targetProblem != null) {
            return refused(targetProblem);
        }
        List<WafRequest.Header> headers = new ArrayList<>();
        ParsedRequest problem = readHeaders(headers);
        if (problem != null) {
            return problem;
        }
        if (bareLf && lineEndings == LineEndings.CRLF_ONLY) {
            return refused("a request line or header line ending in a bare LF");
        }
        problem = checkHost(version, headers);
        if (problem != null) {
            return problem;
        }
        BodyReader.Body body = new BodyReader(text, position).read(headers);
        if (body.problem() != null) {
            return body.problem();
        }
        if (!listValues(headers, "Transfer-Encoding").isEmpty()) {
            // §6.3 ¶3: the framing came from Transfer-Encoding; like Apache, drop a Content-Length
            // that lost (920181-1 expects the WAF not to see it).
            headers.removeIf(header -> header.name().equalsIgnoreCase("Content-Length"));
        }
        return new ParsedRequest.Accepted(new WafRequest(method, target, version, headers, body.bytes(),
                REMOTE_ADDRESS, REMOTE_PORT, "127.0.0.1", serverPort));
    }

    private ParsedRequest readHeaders(List<WafRequest.Header> headers) {
        while (true) {
            String line = nextLine();
            if (line == null) {
                return new ParsedRequest.Unanswered("the header section never ends (no empty line)");
            }
            if (line.isEmpty()) {
                return null;
            }
            if (line.indexOf('\r') >= 0) {
                return refused("a bare CR in a header line");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (headers.isEmpty()) {
                    return refused("whitespace before the first header");
                }
                WafRequest.Header last = headers.remove(headers.size() - 1);
                String joined = last.value().isEmpty() ? owsTrim(line) : last.value() + " " + owsTrim(line);
                headers.add(new WafRequest.Header(last.name(), joined));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                return refused("a header line without a name and a colon: `" + line + "`");
            }
            String name = line.substring(0, colon);
            if (!TOKEN.matcher(name).matches()) {
                return refused("the header name `" + name + "` is not a token (whitespace before the colon?)");
            }
            headers.add(new WafRequest.Header(name, owsTrim(line.substring(colon + 1))));
        }
    }

    private static ParsedRequest checkHost(String version, List<WafRequest.Header> headers) {
        String host = null;
        for (WafRequest.Header header : headers) {
            if (header.name().equalsIgnoreCase("Host")) {
                host = header.value();
                break;
            }
        }
        if ((host == null || host.isEmpty()) && version.equals("HTTP/1.1")) {
            return refused("an HTTP/1.1 request without a Host");
        }
        if (host != null && !host.isEmpty() && !HOST.matcher(host).matches()) {
            return refused("the Host `" + host + "` is not a host name");
        }
        return null;
    }

    private static String targetProblem(String method, String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "a control character in the request target";
            }
        }
        if (target.indexOf('#') >= 0) {
            return "a fragment (#) in the request target";
        }
        if (method.equals("CONNECT")) {
            return AUTHORITY_FORM.matcher(target).matches() ? null : "CONNECT needs host:port as its target";
        }
        // Apache takes `?query` as an empty path with a query and lets ModSecurity see it (933160-21)
        if (target.startsWith("/") || target.startsWith("?") || target.equals("*")
                || ABSOLUTE_FORM.matcher(target).matches()) {
            return null;
        }
        return "the request target `" + target + "` is not a path, an absolute URI or *";
    }

    /** The next line without its LF or CRLF; null when no LF follows. */
    private String nextLine() {
        int newline = text.indexOf('\n', position);
        if (newline < 0) {
            return null;
        }
        int end = newline > position && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
        bareLf |= end == newline;
        String line = text.substring(position, end);
        position = newline + 1;
        return line;
    }

    static String owsTrim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    static ParsedRequest.Refused refused(String reason) {
        return new ParsedRequest.Refused(400, reason);
    }

    static boolean digits(String value) {
        return DIGITS.matcher(value).matches();
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<String> listValues(List<WafRequest.Header> headers, String name) {
        List<String> values = new ArrayList<>();
        for (WafRequest.Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.addAll(Arrays.asList(header.value().split(",", -1)));
            }
        }
        return values.stream().map(RawRequestParser::owsTrim).toList();
    }
}
