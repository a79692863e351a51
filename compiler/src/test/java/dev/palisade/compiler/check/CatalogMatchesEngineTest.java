package dev.palisade.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.engine.transform.Transformations;
import org.junit.jupiter.api.Test;

/**
 * The names the checker accepts and the names the engine implements are one list: a name the
 * checker knows but the engine lacks would pass `palisade check` and fail at run time.
 */
class CatalogMatchesEngineTest {
    @Test
    void operators() {
        assertEquals(new java.util.TreeSet<>(WafCatalog.OPERATORS),
                new java.util.TreeSet<>(dev.palisade.engine.operator.Operators.names()));
    }

    @Test
    void transformations() {
        assertEquals(new java.util.TreeSet<>(WafCatalog.TRANSFORMATIONS), new java.util.TreeSet<>(Transformations.names()));
    }
}
