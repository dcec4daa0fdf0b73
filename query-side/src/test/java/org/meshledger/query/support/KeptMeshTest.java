package org.meshledger.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeptMeshTest {

    private record Summary(String productId, String owner, long version) {}

    /** A store of summaries that counts what it is asked for. */
    private static final class Store implements KeptMesh.AsRead<Summary> {

        final Map<String, Summary> documents = new TreeMap<>();
        int fullReads;
        final List<Collection<String>> readsById = new ArrayList<>();

        void put(String productId, String owner, long version) {
            documents.put(productId, new Summary(productId, owner, version));
        }

        @Override
        public List<Summary> all() {
            fullReads++;
            return List.copyOf(documents.values());
        }

        @Override
        public List<Summary> byIds(Collection<String> productIds) {
            readsById.add(List.copyOf(productIds));
            return productIds.stream()
                    .map(documents::get)
                    .filter(found -> found != null)
                    .toList();
        }

        @Override
        public String idOf(Summary summary) {
            return summary.productId();
        }

        @Override
        public boolean holdsSeen(Summary summary, ProductEventsSeen seen) {
            return summary.version() >= seen.lastProductEvent(summary.productId());
        }
    }

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final ProductEventsSeen seen = new ProductEventsSeen();
    private final Store store = new Store();
    private final KeptMesh<Summary, Summary> mesh = new KeptMesh<>("catalog", seen, store, 3);

    @BeforeEach
    void aSettledViewWhoseTailIsFollowed() {
        store.put("a", "team-a", 1);
        store.put("b", "team-b", 1);
        seen.following(true);
        seen.settle();
    }

    @Test
    void givenNothingChanged_whenReadAgain_thenTheStoreIsNotAsked() {
        assertThat(mesh.documents(NOW))
                .hasValueSatisfying(all -> assertThat(all).hasSize(2));
        assertThat(mesh.documents(NOW))
                .hasValueSatisfying(all -> assertThat(all).hasSize(2));
        assertThat(store.fullReads).isEqualTo(1);
        assertThat(store.readsById).isEmpty();
    }

    @Test
    void givenAnEventOfOneProductSeen_whenRead_thenOnlyThatProductIsReadAgainAndItsChangeAnswers() {
        mesh.documents(NOW);
        store.put("b", "team-c", 2);
        seen.saw(productEvent("b", 2));

        assertThat(mesh.documents(NOW)).contains(List.of(new Summary("a", "team-a", 1), new Summary("b", "team-c", 2)));
        assertThat(store.readsById).containsExactly(List.of("b"));
    }

    @Test
    void givenAnEventSeenBeforeItsViewStoredIt_whenRead_thenItIsReadAgainUntilTheViewHasIt() {
        mesh.documents(NOW);
        seen.saw(productEvent("c", 0));
        assertThat(mesh.documents(NOW))
                .hasValueSatisfying(all -> assertThat(all).hasSize(2));

        store.put("c", "team-c", 0);
        assertThat(mesh.documents(NOW))
                .hasValueSatisfying(
                        all -> assertThat(all).extracting(Summary::productId).containsExactly("a", "b", "c"));
        assertThat(mesh.documents(NOW))
                .hasValueSatisfying(all -> assertThat(all).hasSize(3));
        assertThat(store.readsById).containsExactly(List.of("c"), List.of("c"));
    }

    @Test
    void givenAProductSeenBeforeTheFirstLoadAndStoredAfterIt_whenReadAgain_thenItIsThere() {
        seen.saw(productEvent("c", 0));
        assertThat(mesh.documents(NOW))
                .hasValueSatisfying(all -> assertThat(all).hasSize(2));

        store.put("c", "team-c", 0);
        assertThat(mesh.documents(NOW))
                .hasValueSatisfying(
                        all -> assertThat(all).extracting(Summary::productId).containsExactly("a", "b", "c"));
    }

    @Test
    void givenTheViewsNotSettledOrTheTailLost_whenRead_thenTheStoreMustBeAsked() {
        ProductEventsSeen unsettled = new ProductEventsSeen();
        unsettled.following(true);
        assertThat(new KeptMesh<>("catalog", unsettled, store, 3).documents(NOW))
                .isEmpty();

        mesh.documents(NOW);
        seen.following(false);
        assertThat(mesh.documents(NOW)).isEmpty();
        seen.following(true);
        assertThat(mesh.documents(NOW)).isPresent();
        assertThat(store.fullReads)
                .as("what was kept before the tail was lost is read anew")
                .isEqualTo(2);
    }

    @Test
    void givenTheViewReset_whenReadAfterwards_thenEveryDocumentIsReadAnew() {
        mesh.documents(NOW);
        store.documents.clear();
        mesh.forget();
        assertThat(mesh.documents(NOW)).contains(List.of());
    }

    @Test
    void givenAMeshLargerThanTheLimit_whenRead_thenTheStoreMustBeAsked() {
        store.put("c", "team-c", 1);
        store.put("d", "team-d", 1);
        assertThat(mesh.documents(NOW)).isEmpty();
    }

    @Test
    void givenAKeptFormThatExpires_whenReadLater_thenItsDocumentIsReadAgain() {
        KeptMesh<Summary, Summary> expiring = new KeptMesh<>(
                "catalog",
                seen,
                new KeptMesh.Source<Summary, Summary>() {
                    @Override
                    public List<Summary> all() {
                        return store.all();
                    }

                    @Override
                    public List<Summary> byIds(Collection<String> productIds) {
                        return store.byIds(productIds);
                    }

                    @Override
                    public String idOf(Summary summary) {
                        return summary.productId();
                    }

                    @Override
                    public Summary kept(Summary summary, Instant now) {
                        return new Summary(summary.productId(), summary.owner(), now.getEpochSecond());
                    }

                    @Override
                    public boolean holdsSeen(Summary kept, ProductEventsSeen seen) {
                        return true;
                    }

                    @Override
                    public boolean answersAt(Summary kept, Instant now) {
                        return kept.version() == now.getEpochSecond();
                    }
                },
                3);
        expiring.documents(NOW);
        assertThat(expiring.documents(NOW.plusSeconds(1))).hasValueSatisfying(all -> assertThat(all)
                .allMatch(kept -> kept.version() == NOW.getEpochSecond() + 1));
        assertThat(store.readsById).hasSize(1);
    }

    private static GenericDomainEventMessage<String> productEvent(String productId, long sequence) {
        return new GenericDomainEventMessage<>("DataProduct", productId, sequence, "changed", MetaData.emptyInstance());
    }
}
