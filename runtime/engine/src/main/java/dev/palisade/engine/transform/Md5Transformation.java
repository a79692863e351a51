package dev.palisade.engine.transform;

/**
 * {@code t:md5}: the 16-byte MD5 digest of the value, as raw bytes (not hex).
 *
 * <pre>SecRule ARGS:file "@streq ..." "id:1,phase:2,t:md5,t:hexEncode,deny"</pre>
 *
 * <p>ModSecurity v3 {@code md5.cc}, Coraza {@code md5.go}; follow with {@code t:hexEncode} to
 * compare against a hex string.
 */
final class Md5Transformation extends DigestTransformation {

    Md5Transformation() {
        super("MD5");
    }

    @Override
    public String name() {
        return "md5";
    }
}
