package dev.palisade.proxy.server;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder, refusing what it would otherwise repair. RFC 9112 §6.3 (3): a
 * request with both {@code Transfer-Encoding} and {@code Content-Length} "ought to be handled as
 * an error" — it is the classic request-smuggling shape, so we reject it rather than drop the
 * {@code Content-Length} as Netty does by default. The failure surfaces as a decoder result,
 * which {@link DecoderFailureGuard} turns into 400 and a close.
 */
final class StrictHttpRequestDecoder extends HttpRequestDecoder {

    StrictHttpRequestDecoder() {
        super(new HttpDecoderConfig()
                .setMaxInitialLineLength(ProxyConfig.MAX_REQUEST_LINE)
                .setMaxHeaderSize(ProxyConfig.MAX_HEADER_BYTES)
                .setAllowDuplicateContentLengths(false)
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true)
                .setValidateHeaders(true));
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        throw new IllegalArgumentException("both Transfer-Encoding and Content-Length (RFC 9112 §6.3)");
    }
}
