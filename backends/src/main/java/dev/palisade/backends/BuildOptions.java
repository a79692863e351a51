package dev.palisade.backends;

/**
 * How to emit.
 *
 * @param calicoApiGroup {@code projectcalico.org/v3} (the user-facing API) or {@code crd.projectcalico.org/v1}
 *     (the backing CRDs, for clusters without the Calico API server)
 * @param staged Calico policies as their {@code Staged*} kinds: reported, not enforced
 * @param runtimeImage the Palisade runtime's container image
 * @param runtimeNamespace where the Palisade runtime's objects live when a policy names no namespace
 */
public record BuildOptions(String calicoApiGroup, boolean staged, String runtimeImage, String runtimeNamespace) {
    public static final String CALICO_V3 = "projectcalico.org/v3";
    public static final String CALICO_CRD_V1 = "crd.projectcalico.org/v1";
    /** The runtime image a build deploys unless told otherwise. */
    public static final String DEFAULT_IMAGE = "ghcr.io/palisade-dev/palisade:0.1.0";

    public static BuildOptions defaults() {
        return new BuildOptions(CALICO_V3, false, DEFAULT_IMAGE, "default");
    }
}
