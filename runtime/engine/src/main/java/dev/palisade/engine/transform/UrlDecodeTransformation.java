package dev.palisade.engine.transform;

/**
 * {@code t:urlDecode}: {@code %HH} to the byte, {@code +} to a space.
 *
 * <pre>SecRule REQUEST_URI "@contains /admin" "id:1,phase:1,t:urlDecode,deny"</pre>
 *
 * <p>ModSecurity's non-strict decoder (v3 {@code url_decode.cc}; Coraza {@code url_decode.go}),
 * as {@link UrlDecoding} describes it.
 */
final class UrlDecodeTransformation implements Transformation {

    @Override
    public String name() {
        return "urlDecode";
    }

    @Override
    public String apply(String value) {
        return UrlDecoding.decode(value, true, null);
    }
}
