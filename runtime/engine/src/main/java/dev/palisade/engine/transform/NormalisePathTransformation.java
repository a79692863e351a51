package dev.palisade.engine.transform;

/**
 * {@code t:normalisePath} (also spelt {@code t:normalizePath}): removes {@code ./} self
 * references, resolves {@code ../} back references and collapses repeated slashes.
 *
 * <pre>SecRule REQUEST_FILENAME "@beginsWith /admin" "id:1,phase:1,t:normalizePath,deny"</pre>
 *
 * <p>ModSecurity v3 {@code normalise_path.cc} (Coraza {@code normalise_path.go}): no decoding;
 * a back reference never climbs above the root ({@code /../a} is {@code /a}); in a relative
 * path, back references with nothing left to remove are kept ({@code ../a}); a trailing slash
 * is kept only when the input had one. Backslashes are ordinary bytes (see normalisePathWin).
 */
final class NormalisePathTransformation implements Transformation {

    @Override
    public String name() {
        return "normalisePath";
    }

    @Override
    public String apply(String value) {
        return PathNormalisation.normalize(value, false);
    }
}
