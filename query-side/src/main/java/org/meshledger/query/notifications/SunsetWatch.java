package org.meshledger.query.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.meshledger.query.notifications.SunsetDeadlines.Deadline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Announces each sunset deadline once it is reached, to the consumers of the major as they stand then. Every replica
 * watches; a deadline announced twice writes the same notifications, which the outbox keeps once.
 */
@Component
class SunsetWatch extends Repeated {

    /** The ledger itself, as the actor of an announcement no person made. */
    static final String LEDGER = "meshledger";

    private final SunsetDeadlines deadlines;
    private final Notifier notifier;
    private final Clock clock;

    SunsetWatch(
            SunsetDeadlines deadlines,
            Notifier notifier,
            Clock clock,
            @Value("${meshledger.notifications.deadline-check:1s}") Duration every) {
        super("sunset-watch", every);
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    void round() {
        Instant now = clock.instant();
        for (Deadline deadline : deadlines.due(now)) {
            // a reminder reached only after its sunset passed says nothing the past-sunset notice does not
            if (deadline.daysLeft() == 0 || now.isBefore(deadline.sunsetAt())) {
                notifier.tell(news(deadline));
            }
            deadlines.announced(deadline.id(), now);
        }
    }

    private static Notifier.News news(Deadline deadline) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contractMajor", deadline.contractMajor());
        details.put("sunsetAt", deadline.sunsetAt());
        details.put("daysLeft", deadline.daysLeft());
        return new Notifier.News(
                deadline.kind(),
                deadline.productId(),
                deadline.id(),
                deadline.fireAt(),
                LEDGER,
                Optional.of(deadline.contractMajor()),
                details);
    }
}
