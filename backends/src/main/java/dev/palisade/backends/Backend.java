package dev.palisade.backends;

import dev.palisade.dsl.diag.Diagnostics;

/**
 * One enforcement target. {@link #emit} is a pure function: the same input gives the same output,
 * byte for byte; whatever the target cannot express exactly is a diagnostic at the policy line
 * that needs it, never a silent widening. A weaker translation is reported as a warning under its
 * code; {@link InexactTranslations} decides, for every backend alike, whether it stays one.
 */
public interface Backend {
    /** The output directory's sub-directory, and the {@code --backend} name. */
    String name();

    BackendOutput emit(BuildInput input, BuildOptions options, Diagnostics diagnostics);
}
