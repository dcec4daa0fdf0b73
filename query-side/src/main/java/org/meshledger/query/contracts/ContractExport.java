package org.meshledger.query.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.meshledger.api.error.FieldError;
import org.meshledger.platform.odcs.OdcsSchemas;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A stored contract written as another ODCS version, for users moving their contracts on: the same data, labelled
 * as that version, with what 3.1.0 renamed renamed, and valid under that version's schema or not answered at all.
 */
final class ContractExport {

    private ContractExport() {}

    /** Judged before the contract is looked up: a version that is no ODCS version this knows is a bad request. */
    static void requireSupported(String target) {
        if (!OdcsSchemas.SUPPORTED_API_VERSIONS.contains(target)) {
            throw refused(
                    HttpStatus.BAD_REQUEST,
                    "UNSUPPORTED_API_VERSION",
                    "Unsupported ODCS version",
                    "'%s' is not an ODCS version this can export; ask for one of %s"
                            .formatted(target, OdcsSchemas.SUPPORTED_API_VERSIONS));
        }
    }

    /** A document is written as its own version or a newer one, never an older one. */
    private static void requireNotOlder(String declared, String target) {
        List<String> versions = OdcsSchemas.SUPPORTED_API_VERSIONS;
        if (versions.indexOf(target) < versions.indexOf(declared)) {
            throw refused(
                    HttpStatus.BAD_REQUEST,
                    "UNSUPPORTED_API_VERSION",
                    "Unsupported ODCS version",
                    "This contract declares %s; it cannot be exported as the older %s".formatted(declared, target));
        }
    }

    static JsonNode as(JsonNode stored, String validatedAgainst, String target) {
        String declared = stored.path("apiVersion").asText();
        if (target.equals(declared)) {
            return stored;
        }
        requireSupported(target);
        requireNotOlder(declared, target);
        ObjectNode exported = stored.deepCopy();
        List<FieldError> inexpressible =
                target.equals(OdcsSchemas.V3_1_0) && !OdcsSchemas.V3_1_0.equals(validatedAgainst)
                        ? OdcsUpgrade.to31(exported)
                        : List.of();
        exported.put("apiVersion", target);
        if (inexpressible.isEmpty()) {
            String schema = OdcsSchemas.schemaFor(target).orElseThrow();
            inexpressible = OdcsSchemas.problems(exported, schema);
        }
        if (!inexpressible.isEmpty()) {
            ErrorResponseException refusal = refused(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "CONTRACT_NOT_EXPORTABLE",
                    "Contract not exportable",
                    "This contract cannot be written as ODCS %s without changing what it says".formatted(target));
            Problems.withErrors(refusal.getBody(), inexpressible);
            throw refusal;
        }
        return exported;
    }

    private static ErrorResponseException refused(HttpStatus status, String code, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, code, title, detail), null);
    }
}
