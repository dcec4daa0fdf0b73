package org.meshledger.command.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.meshledger.api.error.FieldError;
import org.semver4j.Semver;

/** Reads an Open Data Contract Standard v3 document, as YAML or JSON, and checks that it is one. */
public final class OdcsDocuments {

    public static final Set<String> SUPPORTED_VERSIONS = Set.of("v3.0.0", "v3.0.1", "v3.0.2", "v3.1.0");

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
                && !SUPPORTED_VERSIONS.contains(document.get("apiVersion").asText())) {
            problems.add(new FieldError(
                    "/apiVersion",
                    "'%s' is not a supported ODCS version; use one of %s"
                            .formatted(
                                    document.get("apiVersion").asText(),
                                    SUPPORTED_VERSIONS.stream().sorted().toList())));
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

    private static void requireText(JsonNode document, String field, List<FieldError> problems) {
        if (!document.hasNonNull(field)
                || !document.get(field).isValueNode()
                || document.get(field).asText().isBlank()) {
            problems.add(new FieldError("/" + field, "is required"));
        }
    }
}
