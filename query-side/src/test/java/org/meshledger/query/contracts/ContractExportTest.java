package org.meshledger.query.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.odcs.OdcsSchemas;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 3.0.x contract written as 3.1.0: what 3.1.0 renamed is renamed, what it cannot say is refused by name. */
class ContractExportTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String HEADER =
            """
            apiVersion: v3.0.2
            kind: DataContract
            id: orders
            status: active
            version: 1.0.0
            """;

    @Test
    void givenA302LibraryRuleAndAnExclusiveFlag_whenExportedAs310_thenRenamedMeaningTheSameAndValidUnder310()
            throws Exception {
        JsonNode stored = read(
                HEADER
                        + """
                schema:
                  - name: orders
                    quality:
                      - rule: rowCount
                        mustBeBetween: [100, 120]
                    properties:
                      - name: amount
                        logicalType: number
                        logicalTypeOptions:
                          minimum: 0
                          exclusiveMinimum: true
                          maximum: 1000
                          exclusiveMaximum: false
                      - name: customer
                        logicalType: string
                        quality:
                          - rule: duplicateCount
                            mustBeLessThan: 10
                            unit: rows
                      - name: unit
                        logicalType: string
                        quality:
                          - rule: validValues
                            validValues: [pounds, kilograms]
                """);
        assertThat(OdcsSchemas.problems(stored, OdcsSchemas.V3_0_2)).isEmpty();

        JsonNode exported = ContractExport.as(stored, OdcsSchemas.V3_0_2, "v3.1.0");

        assertThat(OdcsSchemas.problems(exported, OdcsSchemas.V3_1_0)).isEmpty();
        assertThat(exported.get("apiVersion").asText()).isEqualTo("v3.1.0");
        assertThat(exported.at("/schema/0/quality/0")).isEqualTo(read("{metric: rowCount, mustBeBetween: [100, 120]}"));
        assertThat(exported.at("/schema/0/properties/0/logicalTypeOptions"))
                .isEqualTo(read("{exclusiveMinimum: 0, maximum: 1000}"));
        assertThat(exported.at("/schema/0/properties/1/quality/0"))
                .isEqualTo(read("{metric: duplicateValues, mustBeLessThan: 10, unit: rows}"));
        assertThat(exported.at("/schema/0/properties/2/quality/0"))
                .isEqualTo(read("{metric: invalidValues, arguments: {validValues: [pounds, kilograms]}, mustBe: 0}"));
        assertThat(stored.get("apiVersion").asText())
                .as("the stored document is left alone")
                .isEqualTo("v3.0.2");
    }

    @Test
    void givenARuleWith310HasNoMetricFor_whenExportedAs310_then422NamingIt() throws Exception {
        JsonNode stored = read(
                HEADER
                        + """
                schema:
                  - name: orders
                    properties:
                      - name: id
                        logicalType: string
                        quality:
                          - rule: notNull
                """);

        assertThatThrownBy(() -> ContractExport.as(stored, OdcsSchemas.V3_0_2, "v3.1.0"))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(refused.getBody().getProperties()).containsEntry("code", "CONTRACT_NOT_EXPORTABLE");
                    assertThat(refused.getBody().getProperties().get("errors").toString())
                            .contains("/schema/0/properties/0/quality/0/rule")
                            .contains("'notNull'");
                });
    }

    @Test
    void givenADocumentThatAlreadyPasses310_whenExportedAs310_thenOnlyItsLabelChanges() throws Exception {
        JsonNode stored = read(
                HEADER
                        + """
                schema:
                  - name: orders
                    properties:
                      - name: placed_at
                        logicalType: timestamp
                """);

        JsonNode exported = ContractExport.as(stored, OdcsSchemas.V3_1_0, "v3.1.0");

        JsonNode relabelled = stored.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) relabelled).put("apiVersion", "v3.1.0");
        assertThat(exported).isEqualTo(relabelled);
    }

    @Test
    void givenAnOlderOrUnknownVersion_whenAskedFor_then400NamingIt() throws Exception {
        JsonNode newest = read(HEADER.replace("v3.0.2", "v3.1.0"));
        for (String asked : new String[] {"v3.0.2", "v2.2.0", "banana"}) {
            assertThatThrownBy(() -> ContractExport.as(newest, OdcsSchemas.V3_1_0, asked))
                    .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(refused.getBody().getDetail()).contains(asked);
                    });
        }
    }

    @Test
    void givenYamlSentWithComments_whenOnlyTheLabelChanges_thenTheTextIsKeptWithItsComments() throws Exception {
        String sent = HEADER.replace("version: 1.0.0", "version: 1.0.0 # the first promise");
        JsonNode stored = read(sent);
        JsonNode exported = ContractExport.as(stored, OdcsSchemas.V3_0_2, "v3.1.0");

        String text = ContractText.yaml(sent, stored, exported);

        assertThat(text).contains("# the first promise").contains("apiVersion: v3.1.0");
        assertThat(read(text)).isEqualTo(exported);
    }

    @Test
    void givenAContractWrittenFromItsData_thenStringsThatLookLikeOtherTypesStayStrings() throws Exception {
        JsonNode document = read(
                HEADER
                        + """
                description:
                  usage: "true"
                  purpose: "123"
                  limitations: "null"
                tags: ["yes", "1.0", "~", "2026-03-01"]
                """);

        String text = ContractText.yaml("{}", read("{}"), document);

        assertThat(text).doesNotStartWith("---").contains("kind: DataContract");
        assertThat(read(text)).isEqualTo(document);
    }

    private static JsonNode read(String yaml) throws Exception {
        return YAML.readTree(yaml);
    }
}
