package dev.racelock.report.json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonWriterTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\\u2028\"", JsonWriter.escape("a\"b\\c\n\t\u0001\u2028"));
    }

    @Test
    void escapesLoneSurrogatesButKeepsPairs() {
        assertEquals("\"\\ud800x\"", JsonWriter.escape("\ud800x"));
        assertEquals("\"\ud83d\ude00\"", JsonWriter.escape("\ud83d\ude00"));
    }

    @Test
    void writesNestedStructuresWithCommasAndIndentation() throws IOException {
        StringWriter out = new StringWriter();
        JsonWriter json = new JsonWriter(out);
        json.beginObject().field("a", 1).name("b").beginArray().value("x").nullValue().value(true).endArray()
                .name("c").beginObject().endObject().name("d").beginArray().endArray().endObject();
        json.finish();
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    null,\n    true\n  ],\n  \"c\": {},\n  \"d\": []\n}\n",
                out.toString());
    }

    @Test
    void rejectsAValueWithoutANameInsideAnObject() throws IOException {
        JsonWriter json = new JsonWriter(new StringWriter());
        json.beginObject();
        assertThrows(IllegalStateException.class, () -> json.value("orphan"));
    }

    @Test
    void rejectsAnUnclosedDocument() throws IOException {
        JsonWriter json = new JsonWriter(new StringWriter());
        json.beginArray();
        assertThrows(IllegalStateException.class, json::finish);
    }
}
