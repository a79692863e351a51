package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator accepts what Calico accepts and refuses, with Calico's message, what it refuses. */
class CalicoSchemasTest {
    /** The README's example, verbatim. */
    private static final String README_GNP = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: allow-get-api
            spec:
              tier: default
              order: 100
              selector: app == 'api'
              namespaceSelector: team == 'payments'
              serviceAccountSelector: role == 'api'
              types: [Ingress]
              ingress:
              - action: Allow
                protocol: TCP
                source:
                  serviceAccounts: {names: [frontend]}
                destination:
                  ports: [8080]
                http:
                  methods: ["GET", "HEAD"]
                  paths:
                  - exact: /healthz
                  - prefix: /api/v1/
            """;

    private static ObjectNode readmeGnp() {
        return (ObjectNode) Yaml.readStream(README_GNP).get(0);
    }

    private static ObjectNode firstIngressRule(ObjectNode policy) {
        return (ObjectNode) policy.path("spec").path("ingress").get(0);
    }

    private static List<String> problems(JsonNode object) {
        return CalicoSchemas.load().problems(object);
    }

    private static void assertRefused(JsonNode object, String expected) {
        List<String> problems = problems(object);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem containing \"" + expected + "\", got " + problems);
    }

    @Test
    void everyCrdFolderIsRead() {
        List<String> kinds = CalicoSchemas.load().kinds();
        for (String kind : List.of("projectcalico.org/v3 GlobalNetworkPolicy", "crd.projectcalico.org/v1 NetworkPolicy",
                "operator.tigera.io/v1 ApplicationLayer", "applicationlayer.projectcalico.org/v3 WAFPolicy")) {
            assertTrue(kinds.contains(kind), kind + " not in " + kinds);
        }
    }

    @Test
    void theReadmeExampleIsValid() {
        assertEquals(List.of(), problems(readmeGnp()));
    }

    @Test
    void theBackingCrdAcceptsTheSameSpec() {
        ObjectNode policy = readmeGnp().put("apiVersion", "crd.projectcalico.org/v1");
        assertEquals(List.of(), problems(policy));
    }

    @Test
    void anHttpMatchOnADenyRuleIsRefused() {
        ObjectNode policy = readmeGnp();
        firstIngressRule(policy).put("action", "Deny");
        assertRefused(policy, "/spec/ingress/0: HTTP match is only valid on Allow rules");
    }

    @Test
    void anHttpMatchOverUdpIsRefused() {
        ObjectNode policy = readmeGnp();
        firstIngressRule(policy).put("protocol", "UDP");
        assertRefused(policy, "rules with HTTP match must have protocol TCP or unset");
    }

    @Test
    void protocolSixIsTcp() {
        ObjectNode policy = readmeGnp();
        firstIngressRule(policy).put("protocol", 6);
        assertEquals(List.of(), problems(policy));
    }

    @Test
    void anUnknownFieldIsRefusedNotPruned() {
        ObjectNode policy = readmeGnp();
        ((ObjectNode) firstIngressRule(policy).path("http")).putArray("method").add("GET");
        assertRefused(policy, "/spec/ingress/0/http: property 'method' is not defined");
    }

    @Test
    void aMisspeltMetadataFieldIsRefused() {
        ObjectNode policy = readmeGnp();
        ((ObjectNode) policy.path("metadata")).put("namepsace", "shop");
        assertRefused(policy, "namepsace");
    }

    @Test
    void aValueOutsideTheEnumIsRefused() {
        ObjectNode policy = readmeGnp();
        firstIngressRule(policy).put("action", "Accept");
        assertRefused(policy, "/spec/ingress/0/action: does not have a value in the enumeration");
    }

    @Test
    void anApplicationLayerMustBeNamedTigeraSecure() {
        ObjectNode layer = (ObjectNode) Yaml.readStream("""
                apiVersion: operator.tigera.io/v1
                kind: ApplicationLayer
                metadata:
                  name: tigera-secure
                spec:
                  applicationLayerPolicy: Enabled
                """).get(0);
        assertEquals(List.of(), problems(layer));
        ((ObjectNode) layer.path("metadata")).put("name", "palisade");
        assertRefused(layer, "resource name must be 'tigera-secure'");
    }

    @Test
    void aDefaultedFieldIsSeenByTheRules() {
        // targetRefs[].group defaults to gateway.networking.k8s.io; the rule reads it
        ObjectNode waf = (ObjectNode) Yaml.readStream("""
                apiVersion: applicationlayer.projectcalico.org/v3
                kind: WAFPolicy
                metadata: {name: www, namespace: shop}
                spec:
                  targetRefs: [{kind: HTTPRoute, name: www}]
                """).get(0);
        assertEquals(List.of(), problems(waf));
        ((ObjectNode) waf.path("spec").path("targetRefs").get(0)).put("group", "networking.istio.io");
        assertRefused(waf, "only group gateway.networking.k8s.io is supported for targetRefs");
    }

    @Test
    void aKindWithoutACrdIsReported() {
        ObjectNode service = Yaml.object().put("apiVersion", "v1").put("kind", "Service");
        assertRefused(service, "no CRD for v1 Service");
    }

    @Test
    void everyCalicoRuleCompiles() {
        assertEquals(List.of(), CalicoSchemas.load().skippedRules());
    }
}
