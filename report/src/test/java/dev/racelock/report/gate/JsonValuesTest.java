package dev.racelock.report.gate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonValuesTest {

    @Test
    void parsesObjectsArraysAndScalars() {
        Object v = JsonValues.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": {}, \"c\": []} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(java.util.Arrays.asList(1L, -25.0, true, false, null), m.get("a"));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(List.of(), m.get("c"));
    }

    @Test
    void decodesEscapes() {
        assertEquals("q\" b\\ s/ n\n t\t u\u00e9", JsonValues.parse("\"q\\\" b\\\\ s\\/ n\\n t\\t u\\u00e9\""));
    }

    @Test
    void rejectsTrailingTextAndUnterminatedInputWithTheLine() {
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
                () -> JsonValues.parse("{}\n{}"));
        assertEquals("unexpected text after the JSON value at line 2", trailing.getMessage());
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> JsonValues.parse("[1, 2"));
        assertTrue(open.getMessage().startsWith("unexpected end of file"), open.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonValues.parse("\"abc"));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.parse("\"\\x\""));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.parse(""));
    }

    @Test
    void namesWhatAMalformedContainerLacks() {
        assertEquals("expected a member name in quotes at line 1", message("{a: 1}"));
        assertEquals("expected ':' at line 1", message("{\"a\" 1}"));
        assertEquals("expected '}' at line 2", message("{\"a\": 1\n \"b\": 2}"));
        assertEquals("expected ']' at line 1", message("[1 2]"));
        assertEquals("unexpected character ',' at line 1", message("[1, , 2]"));
        assertEquals(List.of(List.of(), Map.of("x", List.of(1L))), JsonValues.parse("[ [ ] , {\"x\" : [ 1 ] } ]"));
    }

    private static String message(String json) {
        return assertThrows(IllegalArgumentException.class, () -> JsonValues.parse(json)).getMessage();
    }
}
