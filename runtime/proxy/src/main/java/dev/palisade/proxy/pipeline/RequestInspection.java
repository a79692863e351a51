package dev.palisade.proxy.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The seam between the proxy and the policy: runs the inspectors phase by phase (all of phase 1,
 * then all of phase 2) and stops at the first denial. ALP comes first, so a request ALP denies
 * never costs a WAF evaluation; the WAF (a later issue) is appended as another {@link Inspector}.
 */
public final class RequestInspection {
    private final List<Inspector> inspectors;

    public RequestInspection(List<Inspector> inspectors) {
        this.inspectors = List.copyOf(inspectors);
    }

    /** ALP only, as in this slice of the runtime. */
    public static RequestInspection alpOnly() {
        return new RequestInspection(List.of(new AlpInspector()));
    }

    /** Inspects a request whose body has been read completely (within the limit). */
    public Inspection inspect(PolicyBundle bundle, HttpRequest request, ByteBuf body) {
        return inspect(bundle, request, body, true);
    }

    /**
     * Inspects the request line and headers only: the body was over the limit and is forwarded
     * uninspected ({@code --body-limit-action pass-uninspected}). The body phase does not run at
     * all, rather than on a truncated or empty body, which would give a verdict on bytes that are
     * not the ones forwarded.
     */
    public Inspection inspectWithoutBody(PolicyBundle bundle, HttpRequest request) {
        return inspect(bundle, request, null, false);
    }

    private Inspection inspect(PolicyBundle bundle, HttpRequest request, ByteBuf body, boolean withBody) {
        List<Verdict> verdicts = new ArrayList<>(inspectors.size() * 2);
        for (Inspector inspector : inspectors) {
            Verdict verdict = inspector.onHeaders(bundle, request);
            if (record(verdicts, verdict)) {
                return new Inspection(verdicts);
            }
        }
        if (!withBody) {
            return new Inspection(verdicts);
        }
        for (Inspector inspector : inspectors) {
            Verdict verdict = inspector.onBody(bundle, request, body);
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
