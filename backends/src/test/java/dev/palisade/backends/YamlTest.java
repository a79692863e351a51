package dev.palisade.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTest {
    @Test
    void stringsThatReadAsOtherTypesStayQuoted() {
        ObjectNode annotations = Yaml.object().put("projectcalico.org/l7-logging", "true").put("port", "8080")
                .put("empty", "").put("plain", "app == 'www'");
        ObjectNode document = Yaml.object();
        document.set("annotations", annotations);
        document.putArray("types").add("Ingress");
        assertEquals("""
                annotations:
                  projectcalico.org/l7-logging: "true"
                  port: "8080"
                  empty: ""
                  plain: app == 'www'
                types:
                  - Ingress
                """, Yaml.write(document));
    }

    @Test
    void aStreamReadsBackAsItsDocuments() {
        ObjectNode first = Yaml.object().put("kind", "Tier");
        ObjectNode second = Yaml.object().put("kind", "GlobalNetworkPolicy");
        String stream = Yaml.stream(List.of(first, second));
        assertEquals("---\nkind: Tier\n---\nkind: GlobalNetworkPolicy\n", stream);
        assertEquals(List.of(first, second), Yaml.readStream(stream));
    }
}
