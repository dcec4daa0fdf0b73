package org.meshledger.command.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.meshledger.api.command.DefineSlo;
import org.meshledger.api.command.PublishContractVersion;
import org.meshledger.api.command.RegisterConsumer;
import org.meshledger.api.command.RegisterDataProduct;
import org.meshledger.api.command.TransferOwnership;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;
import org.meshledger.command.contract.ContractPolicy;
import org.meshledger.command.governance.Stewards;
import org.meshledger.platform.eventstore.EventStoreConfiguration;

/**
 * A product rebuilt from its snapshot must be the product rebuilt from its events, field for field, or a command
 * after a cold load would be judged against the wrong state.
 */
class ProductSnapshotTest {

    private static final Path PEER = Path.of("..", "..", "shared", "peer-fixtures", "datacontract-cli-changelog");

    @Test
    void givenAProductWithOwnersSlosContractsAndConsumers_whenSnapshotted_thenItsRestoredStateIsTheSame()
            throws Exception {
        AggregateTestFixture<DataProduct> fixture = new AggregateTestFixture<>(DataProduct.class);
        fixture.registerInjectableResource(new Stewards(Set.of("steward@example.org")));
        fixture.registerInjectableResource(new DataProductTest.KnownTeams());
        fixture.registerInjectableResource(new ContractPolicy(Duration.ofDays(30)));
        fixture.registerInjectableResource(new DataProductTest.RecordingObservationLog());
        String id = "orders.order-events";
        AtomicReference<DataProduct> live = new AtomicReference<>();

        fixture.givenCurrentTime(Instant.parse("2026-06-01T12:00:00Z"))
                .andGivenCommands(
                        new RegisterDataProduct(
                                id, "orders", "Order events", Classification.AUTHORITATIVE, "orders-core", null, null),
                        new DefineSlo(id, Indicator.FRESHNESS, new Slo(3600, 0.99, Duration.ofDays(30)), null),
                        new PublishContractVersion(
                                id, read("changelog_integration_v1.yaml"), Compatibility.FULL, false, null),
                        new RegisterConsumer(id, "billing", 1, null),
                        new PublishContractVersion(
                                id, read("changelog_integration_v2.yaml"), Compatibility.BACKWARD, false, null))
                .when(new TransferOwnership(id, "orders-core", "orders-platform", "reorg", null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectState(live::set);

        Serializer serializer = EventStoreConfiguration.snapshotSerializer();
        SerializedObject<String> snapshot = serializer.serialize(live.get(), String.class);
        DataProduct restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData()).contains("orders-platform", "billing", "FRESHNESS", "2.0.0", "order_date");
        assertThat(restored).usingRecursiveComparison().isEqualTo(live.get());
    }

    private static String read(String name) throws Exception {
        return Files.readString(PEER.resolve(name));
    }
}
