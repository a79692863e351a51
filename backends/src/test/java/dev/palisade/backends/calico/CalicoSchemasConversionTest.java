package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.palisade.backends.Yaml;
import org.junit.jupiter.api.Test;

/** The Kubernetes extensions of OpenAPI mean in JSON Schema what they mean to the API server. */
class CalicoSchemasConversionTest {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(CalicoSchemasConversion.toJsonSchema(yaml("""
                    type: object
                    properties:
                      metadata: {type: object}
                      port: {x-kubernetes-int-or-string: true}
                      note: {type: string, nullable: true}
                      types: {type: array, items: {type: string}, x-kubernetes-list-type: set}
                      free: {type: object, x-kubernetes-preserve-unknown-fields: true}
                      pruned: {type: object}
                      labels: {type: object, additionalProperties: {type: string}}
                    """)).toString(), InputFormat.JSON);

    private static JsonNode yaml(String text) {
        return Yaml.readStream(text).get(0);
    }

    private static boolean valid(String object) {
        return SCHEMA.validate(yaml(object).toString(), InputFormat.JSON).isEmpty();
    }

    @Test
    void intOrStringTakesEitherAndNothingElse() {
        assertTrue(valid("port: 80"));
        assertTrue(valid("port: http"));
        assertFalse(valid("port: true"));
    }

    @Test
    void nullableTakesNull() {
        assertTrue(valid("note: null"));
        assertFalse(valid("port: null"));
    }

    @Test
    void aSetRefusesDuplicates() {
        assertTrue(valid("types: [Ingress, Egress]"));
        assertFalse(valid("types: [Ingress, Ingress]"));
    }

    @Test
    void unknownFieldsAreRefusedUnlessPreservedOrAMap() {
        assertFalse(valid("extra: 1"));
        assertFalse(valid("pruned: {a: 1}"));
        assertTrue(valid("free: {a: 1}"));
        assertTrue(valid("labels: {a: b}"));
    }

    @Test
    void metadataIsObjectMeta() {
        assertTrue(valid("metadata: {name: a, namespace: b, labels: {x: y}, annotations: {p: q}}"));
        assertFalse(valid("metadata: {name: a, namepsace: b}"));
        assertFalse(valid("metadata: {name: ''}"));
    }
}
