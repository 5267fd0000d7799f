package dev.racelock.report.json;

import dev.racelock.report.view.CharEscaping;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer (RFC 8259) with two-space indentation, enough for the JSON and
 * SARIF reports without a dependency. Strings are escaped per RFC 8259 section 7: quote,
 * backslash and control characters always; U+2028/U+2029 too so the output can be pasted into
 * JavaScript; and lone surrogates as {@code \\uXXXX} so the text stays valid UTF-8 when encoded.
 * Misuse (a value where a name is expected, unbalanced ends) throws {@link IllegalStateException}.
 */
public final class JsonWriter {

    private enum Scope { OBJECT, ARRAY }

    private final Writer out;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    /** Whether the current container already has an element (so the next needs a comma). */
    private final Deque<Boolean> nonEmpty = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter(Writer out) {
        this.out = out;
    }

    public JsonWriter beginObject() throws IOException {
        return begin(Scope.OBJECT, '{');
    }

    public JsonWriter endObject() throws IOException {
        return end(Scope.OBJECT, '}');
    }

    public JsonWriter beginArray() throws IOException {
        return begin(Scope.ARRAY, '[');
    }

    public JsonWriter endArray() throws IOException {
        return end(Scope.ARRAY, ']');
    }

    public JsonWriter name(String name) throws IOException {
        if (scopes.peek() != Scope.OBJECT || afterName) {
            throw new IllegalStateException("a name belongs directly inside an object");
        }
        separate();
        writeString(name);
        out.write(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        writeString(value);
        return this;
    }

    public JsonWriter value(long value) throws IOException {
        beforeValue();
        out.write(Long.toString(value));
        return this;
    }

    public JsonWriter value(boolean value) throws IOException {
        beforeValue();
        out.write(value ? "true" : "false");
        return this;
    }

    public JsonWriter nullValue() throws IOException {
        beforeValue();
        out.write("null");
        return this;
    }

    /** {@code "name": "value"}. */
    public JsonWriter field(String name, String value) throws IOException {
        return name(name).value(value);
    }

    /** {@code "name": 12}. */
    public JsonWriter field(String name, long value) throws IOException {
        return name(name).value(value);
    }

    /** {@code "name": 12}, or {@code "name": null} when the value is not {@code known}. */
    public JsonWriter field(String name, long value, boolean known) throws IOException {
        name(name);
        return known ? value(value) : nullValue();
    }

    /** Writes an object's members, given the value they describe. */
    @FunctionalInterface
    public interface Members<T> {
        void write(T value) throws IOException;
    }

    /** An object whose members {@code members} writes from {@code value}, or null when the value is. */
    public <T> JsonWriter objectOrNull(T value, Members<? super T> members) throws IOException {
        if (value == null) {
            return nullValue();
        }
        beginObject();
        members.write(value);
        return endObject();
    }

    /** Ends the document with a newline; the writer is not closed. */
    public void finish() throws IOException {
        if (!scopes.isEmpty()) {
            throw new IllegalStateException("unclosed " + scopes.peek().name().toLowerCase(java.util.Locale.ROOT));
        }
        out.write('\n');
        out.flush();
    }

    private JsonWriter begin(Scope scope, char open) throws IOException {
        beforeValue();
        out.write(open);
        scopes.push(scope);
        nonEmpty.push(false);
        return this;
    }

    private JsonWriter end(Scope scope, char close) throws IOException {
        if (scopes.peek() != scope || afterName) {
            throw new IllegalStateException("nothing to close with '" + close + "'");
        }
        scopes.pop();
        boolean hadElements = nonEmpty.pop();
        if (hadElements) {
            newline();
        }
        out.write(close);
        return this;
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (scopes.peek() == Scope.OBJECT) {
            throw new IllegalStateException("a value inside an object needs a name");
        }
        if (scopes.isEmpty()) {
            return;
        }
        separate();
    }

    private void separate() throws IOException {
        if (nonEmpty.peek()) {
            out.write(',');
        } else {
            nonEmpty.pop();
            nonEmpty.push(true);
        }
        newline();
    }

    private void newline() throws IOException {
        out.write('\n');
        for (int i = 0; i < scopes.size(); i++) {
            out.write("  ");
        }
    }

    private void writeString(String s) throws IOException {
        out.write(escape(s));
    }

    /** The JSON string literal for {@code s}, quotes included. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        return CharEscaping.append(sb, s, JsonWriter::replacement).append('"').toString();
    }

    /** What stands for {@code c} in a JSON string (as the class comment says), or null where {@code c} stays. */
    private static String replacement(char c, boolean loneSurrogate) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> c < 0x20 || c == '\u2028' || c == '\u2029' || loneSurrogate
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
