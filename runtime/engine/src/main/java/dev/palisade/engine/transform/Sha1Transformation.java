package dev.palisade.engine.transform;

/**
 * {@code t:sha1}: the 20-byte SHA-1 digest of the value, as raw bytes (not hex).
 *
 * <pre>SecRule REQUEST_HEADERS:User-Agent "@pmFromFile scanners.sha1" "id:1,phase:1,t:sha1,t:hexEncode,deny"</pre>
 *
 * <p>ModSecurity v3 {@code sha1.cc}, Coraza {@code sha1.go}; CRS uses {@code t:sha1,t:hexEncode}.
 */
final class Sha1Transformation extends DigestTransformation {

    Sha1Transformation() {
        super("SHA-1");
    }

    @Override
    public String name() {
        return "sha1";
    }
}
