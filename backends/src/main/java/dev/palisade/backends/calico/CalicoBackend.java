package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Backend;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildOptions;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * Calico: ALP as Tier and (Global)NetworkPolicy objects with HTTP matches, enforced by Dikastes
 * ({@link CalicoPolicies}); the {@code tigera-secure} ApplicationLayer that turns ALP, the WAF and
 * L7 logs on ({@link ApplicationLayerResource}), with the per-Service opt-in as patch files
 * ({@link ApplicationLayerServicePatches}); and each policy's WAF as Calico's WAF resources
 * ({@link WafPolicyResources}).
 */
public final class CalicoBackend implements Backend {
    @Override
    public String name() {
        return "calico";
    }

    @Override
    public BackendOutput emit(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        List<ObjectNode> objects = new ArrayList<>(CalicoPolicies.objects(input, options, diagnostics));
        objects.addAll(ApplicationLayerResource.emit(input, options, diagnostics));
        objects.addAll(WafPolicyResources.emit(input, options, diagnostics));
        return new BackendOutput(objects, ApplicationLayerServicePatches.emit(input));
    }
}
