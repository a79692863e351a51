package dev.palisade.engine.transform;

/**
 * {@code t:none}: the value as it is.
 *
 * <pre>SecRule ARGS "@rx foo" "id:1,phase:2,t:none,deny"</pre>
 *
 * <p>In SecLang, {@code t:none} also clears the transformations inherited from
 * {@code SecDefaultAction}; that is the rule compiler's business, not this class's. As a step
 * it is the identity (ModSecurity v3 {@code none.cc}, Coraza {@code none.go}).
 */
final class NoneTransformation implements Transformation {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String apply(String value) {
        return value;
    }
}
