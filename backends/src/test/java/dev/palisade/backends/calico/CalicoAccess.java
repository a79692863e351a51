package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@link CalicoSchemas} for tests in other packages; skips the calling test when the CRDs are missing. */
public final class CalicoAccess {
    private CalicoAccess() {}

    public static List<String> problems(JsonNode object) {
        return CalicoSchemas.load().problems(object);
    }
}
