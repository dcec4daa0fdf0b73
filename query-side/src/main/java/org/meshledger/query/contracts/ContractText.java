package org.meshledger.query.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored contract's text in the form a reader asks for. YAML that was sent as YAML is answered as sent, comments
 * and all, and so is a relabelled one where only its {@code apiVersion} line changes; anything else is written from
 * its data.
 */
final class ContractText {

    /** Quotes only where YAML needs them, so a written contract reads like one written by hand. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API_VERSION_LINE =
            Pattern.compile("^apiVersion:[ \\t]*([\"']?)v[0-9]+\\.[0-9]+\\.[0-9]+\\1", Pattern.MULTILINE);

    private ContractText() {}

    /** YAML is a superset of JSON, so one reader takes both. */
    static JsonNode read(String document) {
        try {
            return YAML.readTree(document);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A stored contract could not be read again", impossible);
        }
    }

    static String json(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A contract could not be written as JSON", impossible);
        }
    }

    /** {@code wanted} written as YAML; {@code stored} is {@code sent} as read. */
    static String yaml(String sent, JsonNode stored, JsonNode wanted) {
        if (sentAsYaml(sent)) {
            if (stored.equals(wanted)) {
                return sent;
            }
            Matcher label = API_VERSION_LINE.matcher(sent);
            if (label.find()) {
                String quote = label.group(1);
                String relabelled = sent.substring(0, label.start())
                        + "apiVersion: " + quote + wanted.path("apiVersion").asText() + quote
                        + sent.substring(label.end());
                if (read(relabelled).equals(wanted)) {
                    return relabelled;
                }
            }
        }
        try {
            return YAML.writeValueAsString(wanted);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A contract could not be written as YAML", impossible);
        }
    }

    private static boolean sentAsYaml(String document) {
        return !document.stripLeading().startsWith("{");
    }
}
