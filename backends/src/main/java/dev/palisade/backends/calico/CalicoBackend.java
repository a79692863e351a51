package dev.palisade.backends.calico;

import dev.palisade.backends.Backend;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildOptions;
import dev.palisade.dsl.diag.Diagnostics;

/**
 * Calico: ALP as Tier and (Global)NetworkPolicy objects with HTTP matches, enforced by Dikastes
 * (see {@link CalicoPolicies}). The ApplicationLayer and WAF objects join here later.
 */
public final class CalicoBackend implements Backend {
    @Override
    public String name() {
        return "calico";
    }

    @Override
    public BackendOutput emit(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        return BackendOutput.objects(CalicoPolicies.objects(input, options, diagnostics));
    }
}
