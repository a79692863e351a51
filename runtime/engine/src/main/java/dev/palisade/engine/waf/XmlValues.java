package dev.palisade.engine.waf;

import java.util.List;

/** {@code XML:/xpath}: the values the XML body processor's document yields for a path. */
final class XmlValues {
    private XmlValues() {}

    static void collect(Object document, TargetSpec spec, List<Target> out) {
        // Filled in when the XML body processor lands; until then there is no document.
    }
}
