package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInput.LogSettings;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * Calico Enterprise's {@code ApplicationLayer} ({@code operator.tigera.io/v1}, cluster-scoped,
 * always named {@code tigera-secure}): turns on the per-node Envoy that ALP, the WAF and L7 logs
 * need. Only what the bundle needs is set; a feature no policy uses is left out rather than
 * {@code Disabled}, so applying this object does not switch off what a cluster administrator
 * turned on by hand.
 *
 * <pre>
 * apiVersion: operator.tigera.io/v1
 * kind: ApplicationLayer
 * metadata:
 *   name: tigera-secure
 * spec:
 *   applicationLayerPolicy: Enabled     # some policy has an alp block
 *   webApplicationFirewall: Enabled     # some policy has a waf block
 *   logCollection:                      # some policy has a log block
 *     collectLogs: Enabled
 *     logIntervalSeconds: 5
 *     logRequestsPerInterval: -1
 * </pre>
 */
public final class ApplicationLayerResource {
    public static final String API_VERSION = "operator.tigera.io/v1";
    public static final String KIND = "ApplicationLayer";
    /** The only name the CRD accepts. */
    public static final String NAME = "tigera-secure";

    private ApplicationLayerResource() {}

    /** The ApplicationLayer, or nothing when no policy has an alp, waf or log block. */
    public static List<ObjectNode> emit(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        boolean policies = input.bundle().policies().stream().anyMatch(p -> p.alp().isPresent());
        boolean waf = !input.wafs().isEmpty();
        Optional<LogSettings> logs = input.logs().isEmpty() ? Optional.empty()
                : ApplicationLayerLogSettings.merged(input, diagnostics);
        if (!policies && !waf && logs.isEmpty()) {
            return List.of();
        }
        ObjectNode layer = Yaml.object().put("apiVersion", API_VERSION).put("kind", KIND);
        layer.putObject("metadata").put("name", NAME);
        ObjectNode spec = layer.putObject("spec");
        if (policies) {
            spec.put("applicationLayerPolicy", "Enabled");
        }
        if (waf) {
            spec.put("webApplicationFirewall", "Enabled");
        }
        logs.ifPresent(settings -> spec.putObject("logCollection").put("collectLogs", "Enabled")
                .put("logIntervalSeconds", settings.intervalSeconds())
                .put("logRequestsPerInterval", settings.requestsPerInterval()));
        return List.of(layer);
    }

    /** Whether a policy needs the application layer for its workloads. */
    static boolean needs(BuildInput input, String policy) {
        return input.wafs().containsKey(policy) || input.logs().containsKey(policy)
                || input.bundle().policies().stream().anyMatch(p -> p.name().equals(policy) && p.alp().isPresent());
    }
}
