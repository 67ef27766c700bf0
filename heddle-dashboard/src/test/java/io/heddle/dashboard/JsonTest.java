package io.heddle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON writer produces valid, one-line JSON and refuses misuse. */
class JsonTest {

    @Test
    void nestedDocumentsRoundTrip() {
        String text = new Json().beginObject()
                .field("name", "worker")
                .field("count", 42L)
                .field("ratio", 0.5)
                .field("ok", true)
                .name("missing").nullValue()
                .name("pids").beginArray().value("<0.1.0>").value("<0.2.0>").endArray()
                .name("empty").beginObject().endObject()
                .name("nested").beginArray().beginArray().value(1L).endArray().beginObject().field("a", "b")
                .endObject().endArray()
                .endObject().toString();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "worker");
        expected.put("count", new BigDecimal("42"));
        expected.put("ratio", new BigDecimal("0.5"));
        expected.put("ok", true);
        expected.put("missing", null);
        expected.put("pids", List.of("<0.1.0>", "<0.2.0>"));
        expected.put("empty", Map.of());
        expected.put("nested", List.of(List.of(new BigDecimal("1")), Map.of("a", "b")));
        assertEquals(expected, JsonParser.parse(text));
    }

    @Test
    void stringsAreEscapedAndTheOutputIsOneLine() {
        String nasty = "quote \" backslash \\ newline \n return \r tab \t bell \u0007 separator \u2028 <script> é 😀";
        String text = new Json().beginArray().value(nasty).endArray().toString();
        assertFalse(text.contains("\n") || text.contains("\r") || text.contains("\u2028"),
                "server-sent event data must be one line: " + text);
        assertEquals(List.of(nasty), JsonParser.parse(text));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        String text = new Json().beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY).endArray().toString();
        assertEquals(Arrays.asList(null, null), JsonParser.parse(text));
    }

    @Test
    void misuseIsRefused() {
        assertThrows(IllegalStateException.class, () -> new Json().beginObject().value("no name"));
        assertThrows(IllegalStateException.class, () -> new Json().beginArray().name("in an array"));
        assertThrows(IllegalStateException.class, () -> new Json().beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> new Json().beginObject().toString());
        assertThrows(IllegalStateException.class, () -> new Json().value(1L).value(2L));
        assertThrows(IllegalStateException.class, () -> new Json().beginObject().name("a").endObject());
    }
}
