package org.meshledger.query.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meshledger.api.model.NotificationKind;
import org.meshledger.platform.notifications.Delivery;
import org.meshledger.platform.notifications.Outbox;
import org.springframework.stereotype.Component;

/** Writes one notification to the outbox for each subscription that is to hear of it. */
@Component
class Notifier {

    private final Audience audience;
    private final ProductFacts products;
    private final CloudEventBodies bodies;
    private final Outbox outbox;
    private final WebhookSender sender;

    Notifier(Audience audience, ProductFacts products, CloudEventBodies bodies, Outbox outbox, WebhookSender sender) {
        this.audience = audience;
        this.products = products;
        this.bodies = bodies;
        this.outbox = outbox;
        this.sender = sender;
    }

    /** What a notification tells: its kind, the ledger event (or deadline) behind it, and what it says of it. */
    record News(
            NotificationKind kind,
            String productId,
            String eventId,
            Instant time,
            String actor,
            Optional<Integer> consumersOfMajor,
            Map<String, Object> details) {}

    /** Writes a notification to each subscription that is to hear of the news, and hands them to the sender. */
    void tell(News news) {
        List<Audience.Subscriber> subscribers =
                audience.of(news.productId(), news.kind(), news.consumersOfMajor(), news.time());
        if (subscribers.isEmpty()) {
            return;
        }
        // the same data for every subscriber: only the id (and so the signature) differs
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("product", products.of(news.productId()));
        data.put("actor", news.actor());
        data.putAll(news.details());
        List<Delivery> written = new ArrayList<>();
        for (Audience.Subscriber subscriber : subscribers) {
            String id = NotificationIds.of(news.eventId(), subscriber.subscriptionId());
            written.add(Delivery.due(
                    id,
                    subscriber.subscriptionId(),
                    news.eventId(),
                    news.kind().type(),
                    news.productId(),
                    news.time(),
                    bodies.body(id, news.kind(), news.productId(), news.time(), data)));
        }
        sender.handOver(outbox.writeAll(written));
    }
}
