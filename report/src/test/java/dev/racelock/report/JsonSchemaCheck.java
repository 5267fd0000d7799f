package dev.racelock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Validates a document against a JSON Schema on the class path, formats (uri, date-time) asserted too. */
public final class JsonSchemaCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchema schema;

    public JsonSchemaCheck(String resource, SpecVersion.VersionFlag version) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = JsonSchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource);
            }
            schema = JsonSchemaFactory.getInstance(version).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations, as readable lines; empty when valid. */
    public List<String> violations(String json) {
        Set<ValidationMessage> messages = schema.validate(parse(json));
        return messages.stream().map(ValidationMessage::toString).sorted().toList();
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
        }
    }
}
