package dev.palisade.backends.envoy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Backend;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInput.BuildWorkload;
import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.interp.ReferenceInterpreter;
import dev.palisade.compiler.ir.IrPath;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.Selection;
import dev.palisade.engine.request.PathNormalizer;
import dev.palisade.engine.request.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Envoy backend: one v3 bootstrap per workload, {@code <namespace>/<workload>.yaml}, with the
 * workload's ALP in Envoy's RBAC filter and the Palisade runtime behind ext_authz (see
 * {@link EnvoyBootstrap}, {@link RbacFilter}, {@link ExtAuthzFilter}).
 *
 * <p>RBAC decides on the path after Envoy's normalization, which is not Palisade's
 * ({@code PathNormalizer}). They agree on paths of unreserved characters, dot segments, repeated
 * slashes, backslashes, {@code %2F}/{@code %5C}, escapes of unreserved characters and upper-case
 * escapes of other bytes; a trailing slash and matrix parameters on the last segment
 * ({@code /a;jsessionid=1}), which Envoy keeps, are matched explicitly. They differ, and RBAC is
 * then narrower for allow rules and wider for deny rules, on:
 * <ul>
 *   <li>matrix parameters on an earlier segment ({@code /a;x=1/b}), on a dot segment or alone in
 *       one ({@code /a/;x}): Palisade cuts them, Envoy keeps them;
 *   <li>escapes Envoy keeps as written ({@code %21} for {@code !}, lower-case hex digits of
 *       escaped bytes): Palisade decodes them (P0640 on the rule paths this concerns, a weaker
 *       translation the build must accept);
 *   <li>paths Palisade refuses to normalize (a malformed or double escape, a NUL byte): Envoy
 *       passes the first two on as written and answers 400 to the last;
 *   <li>an empty segment before {@code ..} ({@code /a//../b}): Envoy removes dot segments before
 *       merging slashes, so {@code ..} climbs out of the empty segment ({@code /a/b}), where
 *       Palisade drops empty segments first ({@code /b}); Envoy forwards its own reading, so
 *       application and runtime see {@code /a/b} too;
 *   <li>callers with a SPIFFE id outside the trust domain {@value RbacMatchers#TRUST_DOMAIN}.
 * </ul>
 * The runtime behind ext_authz decides every request RBAC lets through again, with Palisade's
 * normalizer applied to the path Envoy forwards, which undoes the first three differences: a deny
 * rule is not bypassed that way, but an allow rule may be refused by RBAC for such spellings.
 */
public final class EnvoyBackend implements Backend {

    /** Envoy's {@code max_request_bytes} is a uint32 greater than 0. */
    private static final long MAX_BUFFERED_BODY = 0xFFFF_FFFFL;

    @Override
    public String name() {
        return "envoy";
    }

    @Override
    public BackendOutput emit(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        List<BackendOutput.OutputFile> files = new ArrayList<>();
        Set<IrRule> ambiguous = new LinkedHashSet<>();
        Set<String> oversized = new LinkedHashSet<>();
        for (BuildWorkload workload : input.workloads()) {
            ObjectNode bootstrap = bootstrap(input, workload.workload(), options.envoy(), ambiguous, oversized);
            files.add(new BackendOutput.OutputFile(
                    workload.workload().namespace() + "/" + workload.name() + ".yaml", Yaml.write(bootstrap)));
        }
        report(input, ambiguous, oversized, diagnostics);
        return new BackendOutput(List.of(), files);
    }

    /** The bootstrap for one workload with the default options; what it cannot express exactly goes to {@code diagnostics}. */
    public ObjectNode bootstrap(BuildInput input, Workload workload, Diagnostics diagnostics) {
        return bootstrap(input, workload, BuildOptions.Envoy.defaults(), diagnostics);
    }

    /** The bootstrap for one workload; what it cannot express exactly goes to {@code diagnostics}. */
    public ObjectNode bootstrap(BuildInput input, Workload workload, BuildOptions.Envoy options, Diagnostics diagnostics) {
        Set<IrRule> ambiguous = new LinkedHashSet<>();
        Set<String> oversized = new LinkedHashSet<>();
        ObjectNode bootstrap = bootstrap(input, workload, options, ambiguous, oversized);
        report(input, ambiguous, oversized, diagnostics);
        return bootstrap;
    }

    private static ObjectNode bootstrap(BuildInput input, Workload workload, BuildOptions.Envoy options,
            Set<IrRule> ambiguous, Set<String> oversized) {
        Selection selection = new ReferenceInterpreter(input.bundle()).select(workload);
        FirstMatchList alp = FirstMatchList.of(input.bundle(), selection);
        alp.rules().ifPresent(rules -> rules.stream().map(FirstMatchList.Entry::rule)
                .filter(rule -> rule.paths().stream().map(IrPath::normalized).anyMatch(path -> !EnvoyPathSpelling.isUnambiguous(path)))
                .forEach(ambiguous::add));
        Optional<ObjectNode> rbac = alp.rules().map(RbacFilter::filter);
        return EnvoyBootstrap.bootstrap(workload, rbac, bodyLimit(input, selection, oversized), options);
    }

    /**
     * The largest request body limit among the WAFs that inspect bodies for this workload: the
     * runtime applies each policy's own limit to what Envoy sends.
     */
    private static OptionalLong bodyLimit(BuildInput input, Selection selection, Set<String> oversized) {
        long limit = 0;
        for (IrPolicy policy : input.bundle().policies()) {
            PolicyWaf waf = input.wafs().get(policy.name());
            if (waf == null || waf.ir() == null || !selection.applies(policy.index()) || !waf.ir().limits().bodyAccess()) {
                continue;
            }
            long policyLimit = waf.ir().limits().bodyLimit();
            if (policyLimit < 1 || policyLimit > MAX_BUFFERED_BODY) {
                oversized.add(policy.name());
                continue;
            }
            limit = Math.max(limit, policyLimit);
        }
        return limit == 0 ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    private static void report(BuildInput input, Set<IrRule> ambiguous, Set<String> oversized, Diagnostics diagnostics) {
        for (IrRule rule : ambiguous) {
            List<String> paths = rule.paths().stream().map(IrPath::normalized)
                    .filter(path -> !EnvoyPathSpelling.isUnambiguous(path)).distinct().toList();
            diagnostics.warning(DiagnosticCode.ENVOY_PATH_SPELLINGS, rule.span(),
                    "Envoy's RBAC filter matches `" + String.join("`, `", paths.stream().map(PathNormalizer::fromByteString).toList())
                            + "` only spelled `" + String.join("`, `", paths.stream().map(EnvoyPathSpelling::spell).toList()) + "`",
                    "requests escaping these characters otherwise (`%21` for `!`, lower-case hex digits) are denied by "
                            + "RBAC where an allow rule would allow them; deny rules stay enforced by the Palisade runtime");
        }
        for (IrPolicy policy : input.bundle().policies()) {
            if (oversized.contains(policy.name())) {
                diagnostics.error(DiagnosticCode.ENVOY_BODY_LIMIT, policy.span(),
                        "Envoy buffers request bodies of 1 to " + MAX_BUFFERED_BODY + " bytes for ext_authz, not `"
                                + input.wafs().get(policy.name()).ir().limits().bodyLimit() + "`",
                        "set the WAF's request body limit within that range");
            }
        }
    }
}
