package dev.palisade.backends;

import dev.palisade.dsl.diag.DiagnosticCode;
import java.util.Set;

/**
 * How to emit.
 *
 * @param calicoApiGroup {@code projectcalico.org/v3} (the user-facing API) or {@code crd.projectcalico.org/v1}
 *     (the backing CRDs, for clusters without the Calico API server)
 * @param staged Calico policies as their {@code Staged*} kinds: reported, not enforced
 * @param runtimeImage the Palisade runtime's container image
 * @param runtimeNamespace where the Palisade runtime's objects live when a policy names no namespace
 * @param envoy where Envoy's ext_authz filter finds the runtime, and what it does when the runtime cannot answer
 * @param acceptedInexact the weaker-but-safe translations the user accepted ({@link InexactTranslations})
 */
public record BuildOptions(String calicoApiGroup, boolean staged, String runtimeImage, String runtimeNamespace,
        Envoy envoy, Set<DiagnosticCode> acceptedInexact) {
    public static final String CALICO_V3 = "projectcalico.org/v3";
    public static final String CALICO_CRD_V1 = "crd.projectcalico.org/v1";
    /** The runtime image a build deploys unless told otherwise. */
    public static final String DEFAULT_IMAGE = "ghcr.io/palisade-dev/palisade:0.1.0";

    public BuildOptions {
        acceptedInexact = Set.copyOf(acceptedInexact);
    }

    /** Envoy's defaults, nothing inexact accepted. */
    public BuildOptions(String calicoApiGroup, boolean staged, String runtimeImage, String runtimeNamespace) {
        this(calicoApiGroup, staged, runtimeImage, runtimeNamespace, Envoy.defaults(), Set.of());
    }

    public static BuildOptions defaults() {
        return new BuildOptions(CALICO_V3, false, DEFAULT_IMAGE, "default");
    }

    /**
     * The Palisade runtime as Envoy's bootstrap reaches it.
     *
     * @param runtimeAddress the IP address of the runtime's gRPC ext_authz server (a static cluster takes no host name)
     * @param runtimePort its port
     * @param failureModeAllow whether Envoy lets a request through when the runtime cannot answer (fail open)
     */
    public record Envoy(String runtimeAddress, int runtimePort, boolean failureModeAllow) {
        /**
         * Where {@code palisade serve --mode ext-authz --grpc-listen 127.0.0.1:9192} answers, as the
         * README runs it: the HTTP service keeps its own default port, 9191.
         */
        public static final String DEFAULT_RUNTIME_ADDRESS = "127.0.0.1";
        public static final int DEFAULT_RUNTIME_PORT = 9192;
        /** {@code IP:PORT}, for command-line defaults. */
        public static final String DEFAULT_RUNTIME = DEFAULT_RUNTIME_ADDRESS + ":" + DEFAULT_RUNTIME_PORT;

        /** The runtime next to Envoy in the pod; fail closed. */
        public static Envoy defaults() {
            return new Envoy(DEFAULT_RUNTIME_ADDRESS, DEFAULT_RUNTIME_PORT, false);
        }
    }
}
