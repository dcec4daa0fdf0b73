package org.meshledger.query.ownershiphistory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.stream.Stream;
import org.meshledger.query.ownershiphistory.MeshOwnership.OwnerOnDate;

/**
 * The mesh's owners as CSV (RFC 4180), one line a product. A free-text cell that a spreadsheet would run as a
 * formula ({@code =}, {@code +}, {@code -}, {@code @} first) is written with a leading apostrophe, as OWASP advises.
 */
final class OwnershipCsv {

    private static final ObjectWriter ROWS =
            new CsvMapper().writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));

    static final String HEADER = write("productId", "domain", "ownerTeam", "since", "reason", "approvedBy");

    private OwnershipCsv() {}

    static String row(OwnerOnDate owner) {
        return write(Stream.of(
                        owner.productId(),
                        owner.domain(),
                        owner.ownerTeam(),
                        owner.since() == null ? "" : owner.since().toString(),
                        owner.reason(),
                        owner.approvedBy())
                .map(OwnershipCsv::inert)
                .toArray(String[]::new));
    }

    private static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String write(String... cells) {
        try {
            return ROWS.writeValueAsString(cells);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A row of text could not be written as CSV", impossible);
        }
    }
}
