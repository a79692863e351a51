package dev.palisade.proxy.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The seam between the proxy and the policy: runs the inspectors phase by phase (all of phase 1,
 * then all of phase 2) and stops at the first denial. ALP comes first, so a request ALP denies
 * never costs a WAF evaluation; the WAF ({@link WafInspector}) comes after it.
 */
public final class RequestInspection {
    private final List<Inspector> inspectors;
    private final boolean wafRulesHeader;

    public RequestInspection(List<Inspector> inspectors) {
        this(inspectors, false);
    }

    private RequestInspection(List<Inspector> inspectors, boolean wafRulesHeader) {
        this.inspectors = List.copyOf(inspectors);
        this.wafRulesHeader = wafRulesHeader;
    }

    /** The same inspectors, answering with the {@code X-Palisade-Waf-Rules} debug header. */
    public RequestInspection withWafRulesHeader() {
        return new RequestInspection(inspectors, true);
    }

    public boolean wafRulesHeader() {
        return wafRulesHeader;
    }

    /** ALP only: for tools that enforce no WAF. */
    public static RequestInspection alpOnly() {
        return new RequestInspection(List.of(new AlpInspector()));
    }

    /** ALP, then the WAF of the policies that select the workload: what {@code palisade serve} runs. */
    public static RequestInspection alpThenWaf() {
        return new RequestInspection(List.of(new AlpInspector(), new WafInspector()));
    }

    /** The same, with callers named by a trusted mesh proxy's {@code x-forwarded-client-cert} header. */
    public static RequestInspection alpThenWafTrustingForwardedClientCert() {
        return new RequestInspection(List.of(AlpInspector.trustingForwardedClientCert(), new WafInspector()));
    }

    /** Inspects a request whose body has been read completely (within the limit). */
    public Inspection inspect(PolicyBundle bundle, HttpRequest request, ByteBuf body) {
        return inspect(bundle, request, body, null);
    }

    /** Inspects a complete request from {@code client}. */
    public Inspection inspect(PolicyBundle bundle, HttpRequest request, ByteBuf body, InetSocketAddress client) {
        return inspect(bundle, request, body, true, client);
    }

    /**
     * Inspects a request whose body was over the limit and is forwarded uninspected
     * ({@code --request-body-limit-action pass-uninspected}). Phase 2 runs without a body
     * ({@code null}), rather than on a truncated one, which would give a verdict on bytes that are
     * not the ones forwarded: the WAF still checks arguments and headers there.
     */
    public Inspection inspectWithoutBody(PolicyBundle bundle, HttpRequest request) {
        return inspectWithoutBody(bundle, request, null);
    }

    public Inspection inspectWithoutBody(PolicyBundle bundle, HttpRequest request, InetSocketAddress client) {
        return inspect(bundle, request, null, false, client);
    }

    private Inspection inspect(PolicyBundle bundle, HttpRequest request, ByteBuf body, boolean withBody,
            InetSocketAddress client) {
        List<Verdict> verdicts = new ArrayList<>(inspectors.size() * 2);
        for (Inspector inspector : inspectors) {
            Verdict verdict = inspector.onHeaders(bundle, request);
            if (record(verdicts, verdict)) {
                return new Inspection(verdicts);
            }
        }
        for (Inspector inspector : inspectors) {
            Verdict verdict = inspector.onBody(bundle, request, withBody ? body : null, client);
            if (record(verdicts, verdict)) {
                return new Inspection(verdicts);
            }
        }
        return new Inspection(verdicts);
    }

    /** Keeps verdicts that say something; returns whether the request is denied. */
    private static boolean record(List<Verdict> verdicts, Verdict verdict) {
        if (verdict != Verdict.CONTINUE) {
            verdicts.add(verdict);
        }
        return verdict.deny();
    }
}
