package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInput.PolicySpans;
import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.engine.waf.EngineMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Each policy's {@code waf} block as Calico Enterprise's WAF resources
 * ({@code applicationlayer.projectcalico.org/v3}, a preview API): a namespaced policy becomes a
 * {@code WAFPolicy} in its namespace, a policy without a namespace the cluster's one
 * {@code GlobalWAFPolicy} (its name must be {@code default}); settings the policy fields cannot
 * hold go to a {@code WAFPlugin}/{@code GlobalWAFPlugin} of the policy's name
 * ({@link WafPluginText}), emitted before the policy that references it.
 *
 * <pre>
 * apiVersion: applicationlayer.projectcalico.org/v3
 * kind: WAFPolicy
 * metadata: {name: www, namespace: shop, annotations: {palisade.dev/selector: app == "www"}}
 * spec:
 *   action: Block                       # mode blocking; mode detection, or a staged build, is Detect
 *   coreRuleSet: {state: Enabled, paranoiaLevel: 1}
 *   plugins: [{kind: WAFPlugin, name: www}]
 *   targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: www}]
 * </pre>
 *
 * <p>What Calico cannot say exactly is a diagnostic at the policy line: a WAFPolicy attaches to
 * Gateway API routes, not to a label selector, so it targets the HTTPRoute named after the policy
 * (P0625, naming the route); the GlobalWAFPolicy has no selector at all (P0621 unless the policy
 * selects {@code all()}) and there is only one (P0622, an error for a second); the Core Rule Set's
 * files are Calico's own (P0623 at the crs line). P0621, P0623 and P0625 are reported as warnings;
 * {@code InexactTranslations} decides their severity (P0625 is always an error: it would leave
 * traffic uninspected).
 */
public final class WafPolicyResources {
    public static final String API_VERSION = "applicationlayer.projectcalico.org/v3";
    /** The only name a GlobalWAFPolicy may have. */
    public static final String GLOBAL_NAME = "default";
    public static final String SELECTOR_ANNOTATION = "palisade.dev/selector";
    public static final String POLICY_ANNOTATION = "palisade.dev/policy";

    private WafPolicyResources() {}

    /**
     * The WAF objects of every policy with a {@code waf} block, in policy order. A staged build
     * ({@link BuildOptions#staged()}: reported, not enforced) detects instead of blocking.
     */
    public static List<ObjectNode> emit(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        if (input.wafs().isEmpty()) {
            return List.of();
        }
        List<ObjectNode> objects = new ArrayList<>();
        String global = null;
        for (PolicyWaf waf : input.wafs().values()) {
            IrPolicy policy = input.bundle().policies().stream().filter(p -> p.name().equals(waf.policy()))
                    .findFirst().orElseThrow();
            PolicySpans spans = input.spansOf(waf.policy());
            Span wafSpan = spans.waf().orElse(policy.span());
            boolean namespaced = policy.namespace().isPresent();
            if (!namespaced && global != null) {
                diagnostics.error(DiagnosticCode.WAF_GLOBAL_CONFLICT, wafSpan, "policy `" + waf.policy()
                        + "` names no namespace, so its WAF would be Calico's one GlobalWAFPolicy, which policy `"
                        + global + "` already is", "give one of the policies a namespace");
                continue;
            }
            reportAttachment(policy, spans.selector().orElse(policy.span()), diagnostics);
            WafCrsDifferences.report(waf, spans.crs().orElse(wafSpan), diagnostics);
            WafPluginText plugin = WafPluginText.of(waf, spans, policy.span(), diagnostics);
            if (!plugin.isEmpty()) {
                objects.add(plugin(policy, plugin));
            }
            String action = options.staged() || waf.mode() == EngineMode.DETECTION_ONLY ? "Detect" : "Block";
            objects.add(namespaced ? wafPolicy(policy, waf, action, !plugin.isEmpty())
                    : globalWafPolicy(policy, waf, action, !plugin.isEmpty()));
            if (!namespaced) {
                global = waf.policy();
            }
        }
        return objects;
    }

    private static ObjectNode wafPolicy(IrPolicy policy, PolicyWaf waf, String action, boolean hasPlugin) {
        ObjectNode object = header("WAFPolicy", policy.name(), policy);
        ObjectNode spec = object.putObject("spec").put("action", action);
        coreRuleSet(spec, waf);
        if (hasPlugin) {
            spec.putArray("plugins").addObject().put("kind", "WAFPlugin").put("name", policy.name());
        }
        spec.putArray("targetRefs").addObject().put("group", "gateway.networking.k8s.io").put("kind", "HTTPRoute")
                .put("name", policy.name());
        return object;
    }

    private static ObjectNode globalWafPolicy(IrPolicy policy, PolicyWaf waf, String action, boolean hasPlugin) {
        ObjectNode object = header("GlobalWAFPolicy", GLOBAL_NAME, policy);
        ObjectNode spec = object.putObject("spec").put("defaultAction", action);
        coreRuleSet(spec, waf);
        if (hasPlugin) {
            spec.putArray("plugins").addObject().put("kind", "GlobalWAFPlugin").put("name", policy.name());
        }
        return object;
    }

    private static ObjectNode plugin(IrPolicy policy, WafPluginText text) {
        ObjectNode object = header(policy.namespace().isPresent() ? "WAFPlugin" : "GlobalWAFPlugin", policy.name(),
                policy);
        ObjectNode spec = object.putObject("spec");
        putIfPresent(spec, "config", text.config());
        putIfPresent(spec, "before", text.before());
        putIfPresent(spec, "rules", text.rules());
        putIfPresent(spec, "after", text.after());
        return object;
    }

    private static ObjectNode header(String kind, String name, IrPolicy policy) {
        ObjectNode object = Yaml.object().put("apiVersion", API_VERSION).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        policy.namespace().ifPresent(namespace -> metadata.put("namespace", namespace));
        metadata.putObject("annotations").put(POLICY_ANNOTATION, policy.name())
                .put(SELECTOR_ANNOTATION, policy.selector().text());
        return object;
    }

    private static void coreRuleSet(ObjectNode spec, PolicyWaf waf) {
        ObjectNode crs = spec.putObject("coreRuleSet");
        if (waf.crs().isPresent()) {
            crs.put("state", "Enabled").put("paranoiaLevel", waf.crs().get().paranoia());
        } else {
            crs.put("state", "Disabled");
        }
    }

    private static void putIfPresent(ObjectNode spec, String slot, String text) {
        if (!text.isEmpty()) {
            spec.put(slot, text);
        }
    }

    /** @param span the policy's selector (else the policy) */
    private static void reportAttachment(IrPolicy policy, Span span, Diagnostics diagnostics) {
        String selector = policy.selector().text();
        if (policy.namespace().isPresent()) {
            diagnostics.warning(DiagnosticCode.WAF_ROUTE_ATTACHMENT, span, "Calico's WAFPolicy attaches to Gateway API"
                    + " routes, not to workloads: policy `" + policy.name() + "` gets its WAF on the HTTPRoute `"
                    + policy.name() + "` in namespace `" + policy.namespace().get() + "`, not on `" + selector + "`",
                    "build without Calico (`--backend envoy,seclang,k8s`): the Palisade runtime inspects every"
                            + " request to the workload");
        } else if (!(policy.selector() instanceof Selector.All)) {
            diagnostics.warning(DiagnosticCode.WAF_ATTACHMENT, span, "Calico's GlobalWAFPolicy has no selector:"
                    + " the WAF of policy `" + policy.name() + "` applies to every workload Calico's WAF serves,"
                    + " not only to `" + selector + "`", "without Calico (`--backend envoy,seclang,k8s`), the Palisade runtime"
                    + " alone inspects exactly the selected workloads");
        }
    }
}
