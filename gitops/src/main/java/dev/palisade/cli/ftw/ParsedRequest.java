package dev.palisade.cli.ftw;

import dev.palisade.engine.waf.WafRequest;

/** What an HTTP/1.1 front end makes of a stage's bytes, before any WAF rule runs. */
public sealed interface ParsedRequest {

    /** A request the front end passes on to the WAF. */
    record Accepted(WafRequest request) implements ParsedRequest {}

    /**
     * Refused by the HTTP layer: a conforming server answers this status (400, mostly) without running
     * the WAF, as Apache did under the reference suite ({@code HttpProtocolOptions Strict}).
     */
    record Refused(int status, String reason) implements ParsedRequest {}

    /**
     * No valid HTTP response would come back: the server waits for bytes the client never sends (a
     * body shorter than its Content-Length) or answers an HTTP/0.9 request without a status line. The
     * reference runner saw a timeout or an unparsable answer: {@code expect_error}.
     */
    record Unanswered(String reason) implements ParsedRequest {}
}
