package dev.palisade.engine.transform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** What md5 and sha1 share: the raw digest of the value's bytes, as a byte string. */
abstract class DigestTransformation implements Transformation {

    private final String algorithm;

    DigestTransformation(String algorithm) {
        this.algorithm = algorithm;
        newDigest(); // fail at registry construction, not on the first request
    }

    @Override
    public final String apply(String value) {
        byte[] bytes = newDigest().digest(ByteStrings.toBytes(value));
        String digest = ByteStrings.fromBytes(bytes, bytes.length);
        return digest.equals(value) ? value : digest;
    }

    private MessageDigest newDigest() {
        try {
            // MessageDigest is not thread-safe; a fresh one per call is cheap next to hashing.
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // INVARIANT: every Java SE platform provides MD5 and SHA-1 (MessageDigest javadoc).
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
