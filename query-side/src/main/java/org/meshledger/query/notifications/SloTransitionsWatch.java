package org.meshledger.query.notifications;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.meshledger.api.model.NotificationKind;
import org.meshledger.query.notifications.SloTransitions.Transition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells of SLO breaches begun and ended ({@code slo.breaching}, {@code slo.recovered}) once the notifications'
 * processor, on this replica, has read the log past them: the subscriptions that hear are those made before the
 * breach, as for any other notification.
 */
@Component
class SloTransitionsWatch extends Repeated {

    private final SloTransitions transitions;
    private final Notifier notifier;
    private final EventProcessingConfiguration processing;

    SloTransitionsWatch(
            SloTransitions transitions,
            Notifier notifier,
            EventProcessingConfiguration processing,
            @Value("${meshledger.notifications.deadline-check:1s}") Duration every) {
        super("slo-transitions-watch", every);
        this.transitions = transitions;
        this.notifier = notifier;
        this.processing = processing;
    }

    @Override
    void round() {
        OptionalLong read = readUpTo();
        if (read.isEmpty()) {
            return;
        }
        for (Transition transition : transitions.readUpTo(read.getAsLong())) {
            notifier.tell(new Notifier.News(
                    transition.started() ? NotificationKind.SLO_BREACHING : NotificationKind.SLO_RECOVERED,
                    transition.productId(),
                    transition.id(),
                    transition.at(),
                    SunsetWatch.LEDGER,
                    Optional.empty(),
                    transition.details()));
            transitions.told(transition.id());
        }
    }

    /** How far the notifications' processor has read, if this replica holds its segments. */
    private OptionalLong readUpTo() {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(NotificationsProjection.NAME, StreamingEventProcessor.class);
        if (processor.isEmpty() || processor.get().processingStatus().isEmpty()) {
            return OptionalLong.empty();
        }
        long least = Long.MAX_VALUE;
        for (EventTrackerStatus segment : processor.get().processingStatus().values()) {
            OptionalLong position = segment.getCurrentPosition();
            if (position.isEmpty()) {
                return OptionalLong.empty();
            }
            least = Math.min(least, position.getAsLong());
        }
        return OptionalLong.of(least);
    }
}
