package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.ir.IrTier;
import java.util.List;
import java.util.Optional;

/**
 * The object shapes for one API group and mode: apiVersion, kind (staged or not), Calico's
 * {@code <tier>.<name>} naming. {@code projectcalico.org/v3} and {@code crd.projectcalico.org/v1}
 * share the spec shape, so only {@code apiVersion} differs between them.
 */
record CalicoKinds(String apiVersion, boolean staged) {

    static CalicoKinds of(BuildOptions options) {
        String group = options.calicoApiGroup();
        if (!group.equals(BuildOptions.CALICO_V3) && !group.equals(BuildOptions.CALICO_CRD_V1)) {
            throw new IllegalArgumentException("unknown Calico API group " + group + "; use " + BuildOptions.CALICO_V3
                    + " or " + BuildOptions.CALICO_CRD_V1);
        }
        return new CalicoKinds(group, options.staged());
    }

    ObjectNode tier(String name, double order, IrTier.DefaultAction defaultAction) {
        ObjectNode tier = header("Tier", name, Optional.empty());
        ObjectNode spec = tier.putObject("spec");
        putNumber(spec, "order", order);
        spec.put("defaultAction", defaultAction == IrTier.DefaultAction.PASS ? "Pass" : "Deny");
        return tier;
    }

    /**
     * @param order {@link Double#POSITIVE_INFINITY} leaves {@code order} out: Calico puts such
     *     policies last in their tier, by name, as Palisade does
     */
    ObjectNode policy(String name, String tier, double order, Optional<String> namespace, String selector,
            List<ObjectNode> ingress) {
        String kind = (staged ? "Staged" : "") + (namespace.isPresent() ? "NetworkPolicy" : "GlobalNetworkPolicy");
        ObjectNode policy = header(kind, calicoName(tier, name), namespace);
        ObjectNode spec = policy.putObject("spec");
        if (staged) {
            spec.put("stagedAction", "Set");
        }
        spec.put("tier", tier);
        if (order != Double.POSITIVE_INFINITY) {
            putNumber(spec, "order", order);
        }
        spec.put("selector", selector);
        spec.putArray("types").add("Ingress");
        if (!ingress.isEmpty()) {
            ArrayNode rules = spec.putArray("ingress");
            ingress.forEach(rules::add);
        }
        return policy;
    }

    /** Tiered policies are named {@code <tier>.<name>}: required before Calico v3.32, still accepted after. */
    static String calicoName(String tier, String name) {
        return tier.equals(IrTier.DEFAULT_TIER) ? name : tier + "." + name;
    }

    private ObjectNode header(String kind, String name, Optional<String> namespace) {
        ObjectNode object = Yaml.object();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", name);
        namespace.ifPresent(ns -> metadata.put("namespace", ns));
        return object;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }
}
