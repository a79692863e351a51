package dev.palisade.compiler.ir;

import dev.palisade.engine.request.PathNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The IR in a stable text form, without spans: what {@code palisade compile --dump-after} prints,
 * what IR equality means, and what the IR hash is computed from.
 */
public final class IrPrinter {
    private IrPrinter() {}

    public static String print(IrBundle bundle) {
        StringBuilder out = new StringBuilder();
        for (IrTier tier : bundle.tiers()) {
            out.append("tier ").append(tier.name()).append(" order ").append(number(tier.order()))
                    .append(" default ").append(tier.defaultAction().name().toLowerCase()).append('\n');
        }
        for (IrPolicy policy : bundle.policies()) {
            out.append("policy #").append(policy.index()).append(' ').append(policy.name())
                    .append(" tier ").append(policy.tier())
                    .append(" order ").append(Double.isInfinite(policy.order()) ? "last" : number(policy.order()));
            policy.namespace().ifPresent(namespace -> out.append(" namespace ").append(quote(namespace)));
            out.append(" selector ").append(quote(policy.selector().text())).append('\n');
            policy.alp().ifPresent(alp -> {
                for (IrRule rule : alp.rules()) {
                    out.append("  rule #").append(rule.index()).append(' ').append(rule.action().name().toLowerCase());
                    out.append(" methods ").append(rule.methods().map(Object::toString).orElse("any"));
                    out.append(" paths");
                    if (rule.paths().isEmpty()) {
                        out.append(" any");
                    }
                    for (IrPath path : rule.paths()) {
                        out.append(' ').append(path.kind().name().toLowerCase()).append(':')
                                .append(quote(PathNormalizer.fromByteString(path.normalized())));
                    }
                    rule.serviceAccounts().ifPresent(accounts -> out.append(" serviceaccounts ").append(accounts));
                    rule.namespaces().ifPresent(namespaces -> out.append(" namespaces ").append(namespaces));
                    out.append('\n');
                }
            });
        }
        return out.toString();
    }

    public static String hash(IrBundle bundle) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(print(bundle).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
