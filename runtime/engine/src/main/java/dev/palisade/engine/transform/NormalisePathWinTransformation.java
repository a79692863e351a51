package dev.palisade.engine.transform;

/**
 * {@code t:normalisePathWin} (also spelt {@code t:normalizePathWin}): normalisePath after
 * turning every backslash into a slash.
 *
 * <pre>SecRule ARGS "@contains /windows/system32" "id:1,phase:2,t:normalizePathWin,t:lowercase,deny"</pre>
 *
 * <p>ModSecurity v3 {@code normalise_path_win.cc}: the same algorithm with {@code win} set, so
 * {@code ..\..\boot.ini} is {@code ../../boot.ini} and {@code C:\a\.\b} is {@code C:/a/b}.
 * Drive letters and UNC names get no special treatment (ModSecurity has an "ENH" note on it).
 */
final class NormalisePathWinTransformation implements Transformation {

    @Override
    public String name() {
        return "normalisePathWin";
    }

    @Override
    public String apply(String value) {
        return PathNormalisation.normalize(value, true);
    }
}
