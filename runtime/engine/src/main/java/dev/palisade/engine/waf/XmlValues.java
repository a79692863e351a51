package dev.palisade.engine.waf;

import dev.palisade.engine.waf.body.XmlBody;
import java.util.List;

/**
 * {@code XML:/xpath}: the values the XML body processor's document yields for a path, each named
 * {@code XML} as ModSecurity names them. Without a document (no XML body) there are none.
 */
final class XmlValues {
    private XmlValues() {}

    static void collect(XmlBody document, TargetSpec spec, List<Target> out) {
        if (document == null) {
            return;
        }
        for (String value : document.select(spec.key().orElse("/*"))) {
            out.add(new Target("XML", value));
        }
    }
}
