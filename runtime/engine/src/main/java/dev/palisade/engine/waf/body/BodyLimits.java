package dev.palisade.engine.waf.body;

/**
 * The settings body processing takes from the engine configuration. The body size limit is not
 * here: the caller hands over a body already cut to {@code SecRequestBodyLimit}.
 *
 * @param argumentSeparator {@code SecArgumentSeparator}: the byte between urlencoded arguments,
 *     {@code &} by default
 * @param jsonDepthLimit {@code SecRequestBodyJsonDepthLimit}: how many containers may be open at
 *     once; 512 in Debian's {@code modsecurity.conf} (libmodsecurity's own default is 10000)
 * @param uploadFileLimit {@code SecUploadFileLimit}: files past this many set
 *     {@code MULTIPART_FILE_LIMIT_EXCEEDED}; 100 is ModSecurity's default; 0 means no limit
 * @param extractFiles whether uploaded files would be written to disk ({@code SecUploadKeepFiles On}
 *     or {@code SecTmpSaveUploadedFiles On}); libmodsecurity counts files against
 *     {@code uploadFileLimit} only then, so with Debian's defaults (both off) the flag never rises
 * @param maxParts Palisade's own bound, not ModSecurity's: a multipart body with more parts than
 *     this stops being parsed and is a request body error, so a crafted body cannot make us build
 *     an unbounded part list
 */
public record BodyLimits(char argumentSeparator, int jsonDepthLimit, int uploadFileLimit, boolean extractFiles,
        int maxParts) {

    public BodyLimits {
        if (jsonDepthLimit < 0 || uploadFileLimit < 0 || maxParts < 1) {
            throw new IllegalArgumentException("limits must not be negative, maxParts at least 1");
        }
    }

    /** Debian 12's {@code /etc/nginx/modsecurity.conf} with libmodsecurity 3.0.9, plus a 10,000-part bound. */
    public static BodyLimits defaults() {
        return new BodyLimits('&', 512, 100, false, 10_000);
    }

    public BodyLimits withArgumentSeparator(char separator) {
        return new BodyLimits(separator, jsonDepthLimit, uploadFileLimit, extractFiles, maxParts);
    }

    public BodyLimits withJsonDepthLimit(int limit) {
        return new BodyLimits(argumentSeparator, limit, uploadFileLimit, extractFiles, maxParts);
    }

    public BodyLimits withUploadFileLimit(int limit, boolean extract) {
        return new BodyLimits(argumentSeparator, jsonDepthLimit, limit, extract, maxParts);
    }

    public BodyLimits withMaxParts(int limit) {
        return new BodyLimits(argumentSeparator, jsonDepthLimit, uploadFileLimit, extractFiles, limit);
    }
}
