package org.meshledger.platform.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.meshledger.api.error.FieldError;

/**
 * The official ODCS JSON Schemas, bundled with the product: every {@code v3.0.x} document is judged by the 3.0.2
 * schema (the last of that line), {@code v3.1.0} by its own.
 */
public final class OdcsSchemas {

    public static final String V3_0_2 = "v3.0.2";
    public static final String V3_1_0 = "v3.1.0";
    /** The versions a contract may declare, oldest first. */
    public static final List<String> SUPPORTED_API_VERSIONS = List.of("v3.0.0", "v3.0.1", "v3.0.2", V3_1_0);

    /** Enough to name what is wrong without burying it under every alternative a {@code oneOf} tried. */
    private static final int MOST_PROBLEMS_NAMED = 20;

    private static final JsonSchema SCHEMA_3_0 = load("odcs-json-schema-v3.0.2.json");
    private static final JsonSchema SCHEMA_3_1 = load("odcs-json-schema-v3.1.0.json");

    private OdcsSchemas() {}

    /** The schema a document of this {@code apiVersion} is judged by, if this product knows one. */
    public static Optional<String> schemaFor(String apiVersion) {
        if (!SUPPORTED_API_VERSIONS.contains(apiVersion)) {
            return Optional.empty();
        }
        return Optional.of(apiVersion.startsWith("v3.0.") ? V3_0_2 : V3_1_0);
    }

    /**
     * The schema the document validates under: its declared version's where it passes that, otherwise the newest
     * (some published documents declare 3.0.2 but use what only 3.1.0 allows); empty where it passes neither.
     */
    public static Optional<String> validatedAgainst(JsonNode document) {
        Optional<String> declared = schemaFor(document.path("apiVersion").asText(null));
        if (declared.isPresent() && problems(document, declared.get()).isEmpty()) {
            return declared;
        }
        return problems(document, V3_1_0).isEmpty() ? Optional.of(V3_1_0) : Optional.empty();
    }

    /** What the schema finds wrong, each at its JSON Pointer; empty when the document is valid. */
    public static List<FieldError> problems(JsonNode document, String schemaVersion) {
        JsonSchema schema =
                switch (schemaVersion) {
                    case V3_0_2 -> SCHEMA_3_0;
                    case V3_1_0 -> SCHEMA_3_1;
                    default -> throw new IllegalArgumentException("No bundled ODCS schema " + schemaVersion);
                };
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream()
                .filter(message -> !isEchoOfDeeperProblem(message, messages))
                .map(OdcsSchemas::asFieldError)
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .distinct()
                .limit(MOST_PROBLEMS_NAMED)
                .toList();
    }

    /**
     * A part that fails a {@code oneOf} or {@code if} inside it leaves its own properties "unevaluated", so the schema
     * names each of them as well: those names hide the real problem below and are left out.
     */
    private static boolean isEchoOfDeeperProblem(ValidationMessage message, Set<ValidationMessage> all) {
        if (!"unevaluatedProperties".equals(message.getType())) {
            return false;
        }
        String below = message.getInstanceLocation().toString() + "/";
        return all.stream()
                .anyMatch(other -> other.getInstanceLocation().toString().startsWith(below));
    }

    private static FieldError asFieldError(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        return new FieldError(location.isEmpty() ? "/" : location, message.getError());
    }

    private static JsonSchema load(String file) {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        try (InputStream schema = OdcsSchemas.class.getResourceAsStream("/odcs/" + file)) {
            if (schema == null) {
                throw new IllegalStateException("The build bundles " + file + " under /odcs; it is missing");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                    .getSchema(schema, config);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
