package org.meshledger.command.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import org.meshledger.api.error.FieldError;
import org.meshledger.platform.odcs.OdcsSchemas;
import org.semver4j.Semver;

/** Reads an Open Data Contract Standard v3 document, as YAML or JSON, and checks that it is one. */
public final class OdcsDocuments {

    private static final ObjectMapper YAML = new YAMLMapper();

    private OdcsDocuments() {}

    /** YAML is a superset of JSON, so one reader takes both. */
    public static JsonNode parse(String text) {
        JsonNode document;
        try {
            document = YAML.readTree(text);
        } catch (JsonProcessingException malformed) {
            throw new InvalidContract(
                    List.of(new FieldError("/", "is not well-formed YAML or JSON: " + malformed.getOriginalMessage())));
        }
        List<FieldError> problems = new ArrayList<>();
        if (document == null || !document.isObject()) {
            throw new InvalidContract(List.of(new FieldError("/", "must be an ODCS document (a mapping)")));
        }
        requireText(document, "apiVersion", problems);
        requireText(document, "id", problems);
        requireText(document, "status", problems);
        if (document.hasNonNull("apiVersion")
                && !OdcsSchemas.SUPPORTED_API_VERSIONS.contains(
                        document.get("apiVersion").asText())) {
            problems.add(new FieldError(
                    "/apiVersion",
                    "'%s' is not a supported ODCS version; use one of %s"
                            .formatted(document.get("apiVersion").asText(), OdcsSchemas.SUPPORTED_API_VERSIONS)));
        }
        if (!"DataContract".equals(document.path("kind").asText())) {
            problems.add(new FieldError("/kind", "must be DataContract"));
        }
        if (!Semver.isValid(document.path("version").asText())) {
            problems.add(new FieldError("/version", "must be a semantic version such as 1.2.0"));
        }
        if (document.has("schema") && !document.get("schema").isArray()) {
            problems.add(new FieldError("/schema", "must be a list of schema objects"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContract(problems);
        }
        return document;
    }

    /**
     * The official schema the document validates under ({@link OdcsSchemas#validatedAgainst}); a document that
     * passes neither is refused with what its declared version's schema finds wrong.
     */
    public static String validatedAgainst(JsonNode document) {
        return OdcsSchemas.validatedAgainst(document).orElseThrow(() -> {
            String declared =
                    OdcsSchemas.schemaFor(document.get("apiVersion").asText()).orElse(OdcsSchemas.V3_1_0);
            return new InvalidContract(OdcsSchemas.problems(document, declared).stream()
                    .map(problem -> new FieldError(
                            problem.field(), problem.message() + " (ODCS %s JSON Schema)".formatted(declared)))
                    .toList());
        });
    }

    private static void requireText(JsonNode document, String field, List<FieldError> problems) {
        if (!document.hasNonNull(field)
                || !document.get(field).isValueNode()
                || document.get(field).asText().isBlank()) {
            problems.add(new FieldError("/" + field, "is required"));
        }
    }
}
