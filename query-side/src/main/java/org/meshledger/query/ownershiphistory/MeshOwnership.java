package org.meshledger.query.ownershiphistory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Who owned each product of the mesh (or of one domain) at one business instant, as known at another: the answer
 * an auditor asks for most, read by the JSON and CSV API and by the console alike.
 */
@Service
public class MeshOwnership {

    private final MongoTemplate mongo;
    private final KeptOwnershipRecords kept;

    MeshOwnership(MongoTemplate mongo, KeptOwnershipRecords kept) {
        this.mongo = mongo;
        this.kept = kept;
    }

    /** One product's owner on a date: {@code since} null when owned since before records began. */
    public record OwnerOnDate(
            String productId, String domain, String ownerTeam, Instant since, String reason, String approvedBy) {}

    /**
     * Every product that had an owner at {@code asOf} as known at {@code knownAt}, by product id. A product not yet
     * registered (or not yet recorded) then has none and is left out. The caller closes the stream.
     */
    public Stream<OwnerOnDate> owners(String domain, Instant asOf, Instant knownAt) {
        Stream<OwnershipRecord> records = kept.all()
                .map(all -> all.stream().filter(record -> domain == null || domain.equals(record.domain())))
                .orElseGet(() -> {
                    Query query = domain == null
                            ? new Query()
                            : new Query(Criteria.where("domain").is(domain));
                    return mongo.stream(query.with(Sort.by("_id")), OwnershipRecord.class);
                });
        return records.flatMap(record -> ownerOf(record, asOf, knownAt).stream());
    }

    /** The same owners as CSV lines, the header first, read off the event loop as the client takes them. */
    public Flux<String> csv(String domain, Instant asOf, Instant knownAt) {
        return Flux.using(
                        () -> owners(domain, asOf, knownAt),
                        owners -> Flux.fromStream(owners).map(OwnershipCsv::row),
                        Stream::close)
                .startWith(OwnershipCsv.HEADER)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The name a CSV download is saved under: the business instant it answers for. */
    public static String csvFilename(Instant asOf) {
        return "ownership-%s.csv".formatted(asOf.toString().replace(':', '-'));
    }

    private static Optional<OwnerOnDate> ownerOf(OwnershipRecord record, Instant asOf, Instant knownAt) {
        List<OwnershipPeriod> periods = OwnershipTimeline.periods(record, knownAt);
        return periods.stream()
                .filter(period -> period.contains(asOf))
                .findFirst()
                .map(period -> new OwnerOnDate(
                        record.productId(),
                        record.domain(),
                        period.ownerTeam(),
                        period.from(),
                        period.reason(),
                        period.approvedBy()));
    }
}
