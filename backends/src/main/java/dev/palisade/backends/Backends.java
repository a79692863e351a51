package dev.palisade.backends;

import dev.palisade.backends.calico.CalicoBackend;
import dev.palisade.backends.envoy.EnvoyBackend;
import dev.palisade.backends.k8s.KubernetesBackend;
import dev.palisade.backends.seclang.SecLangBackend;
import java.util.List;

/** Every backend, in the order a build runs them and a stream prints their objects. */
public final class Backends {
    private Backends() {}

    public static List<Backend> all() {
        return List.of(new CalicoBackend(), new EnvoyBackend(), new SecLangBackend(), new KubernetesBackend());
    }
}
