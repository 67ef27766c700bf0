package io.heddle.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedObjectsArraysAndLiterals() {
        Map<String, Object> o = Json.object(Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {}} "));
        assertEquals(List.of(1.0, -2500.0, true, false), Json.array(o.get("a")).subList(0, 4));
        assertNull(Json.array(o.get("a")).get(4));
        assertEquals(Map.of(), o.get("b"));
    }

    @Test
    void readsEscapes() {
        assertEquals("a\"b\\c/d\n\té", Json.parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\""));
    }

    @Test
    void readsJmhsNaNString() {
        assertTrue(Double.isNaN(Json.number(Json.parse("\"NaN\""))));
    }

    @Test
    void malformedInputFailsWithTheOffset() {
        var e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,}"));
        assertTrue(e.getMessage().contains("offset 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] 2"));
    }
}
