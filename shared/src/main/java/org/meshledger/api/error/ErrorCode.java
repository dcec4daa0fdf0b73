package org.meshledger.api.error;

/** Stable codes for every rule a command can break; clients may switch on them. */
public enum ErrorCode {
    PRODUCT_ALREADY_REGISTERED(Refusal.CONFLICT, "A data product with this id is already registered"),
    PRODUCT_NOT_FOUND(Refusal.NOT_FOUND, "No such data product"),
    PRODUCT_ID_OUTSIDE_DOMAIN(Refusal.RULE_VIOLATED, "A product id must start with its domain"),
    PRODUCT_RETIRED(Refusal.CONFLICT, "The data product is retired"),
    PRODUCT_ALREADY_DEPRECATED(Refusal.RULE_VIOLATED, "The data product is already deprecated"),
    CONSUMERS_REMAIN(Refusal.RULE_VIOLATED, "A data product with consumers cannot be retired"),
    VERSION_MISMATCH(Refusal.PRECONDITION_FAILED, "The data product has changed since the version in If-Match"),
    CONCURRENT_MODIFICATION(Refusal.CONFLICT, "Another command changed the data product at the same time"),
    NOT_CURRENT_OWNER(Refusal.CONFLICT, "fromTeam is not the current owner"),
    SAME_OWNER(Refusal.RULE_VIOLATED, "toTeam is already the owner"),
    APPROVER_NOT_A_STEWARD(Refusal.RULE_VIOLATED, "approvedBy must name a configured steward"),
    EFFECTIVE_AT_IN_FUTURE(Refusal.RULE_VIOLATED, "effectiveAt must not lie in the future"),
    EFFECTIVE_AT_NOT_AFTER_CURRENT_PERIOD(
            Refusal.RULE_VIOLATED, "effectiveAt must be later than the start of the current ownership period"),
    NO_SUCH_SLO(Refusal.RULE_VIOLATED, "The data product has no SLO for this indicator"),
    SLO_NOT_FOUND(Refusal.NOT_FOUND, "The data product has no SLO for this indicator"),
    OBSERVED_IN_FUTURE(Refusal.RULE_VIOLATED, "observedAt lies in the future"),
    CONSUMER_ALREADY_REGISTERED(Refusal.CONFLICT, "The team is already a consumer; remove it first to move majors"),
    CONSUMER_NOT_FOUND(Refusal.NOT_FOUND, "The team is not a consumer of this data product"),
    CONTRACT_VERSION_NOT_GREATER(Refusal.CONFLICT, "The contract version is not greater than the latest"),
    CONTRACT_BREAKING_WITHOUT_MAJOR(
            Refusal.RULE_VIOLATED, "The contract breaks what its compatibility mode protects without a new major"),
    CONTRACT_BUMP_TOO_SMALL(Refusal.RULE_VIOLATED, "The contract version is a smaller step than its changes need"),
    CONTRACT_VERSION_NOT_FOUND(Refusal.NOT_FOUND, "No such contract version"),
    SUNSET_NOT_IN_FUTURE(Refusal.RULE_VIOLATED, "sunsetAt must lie in the future"),
    NO_SUCH_MAJOR(Refusal.RULE_VIOLATED, "No contract version of this major has been published"),
    CROSS_DOMAIN_NEEDS_STEWARD(
            Refusal.RULE_VIOLATED,
            "Ownership by a registered team of another domain needs a steward: the caller or approvedBy"),
    TEAM_ALREADY_REGISTERED(Refusal.CONFLICT, "A team with this name is already registered"),
    TEAM_NOT_FOUND(Refusal.NOT_FOUND, "No such registered team"),
    TEAM_ALREADY_IN_DOMAIN(Refusal.RULE_VIOLATED, "The team already belongs to that domain"),
    TEAM_RETIRED(Refusal.RULE_VIOLATED, "The team is retired"),
    SUBSCRIPTION_NOT_FOUND(Refusal.NOT_FOUND, "No such subscription"),
    DELIVERY_NOT_FOUND(Refusal.NOT_FOUND, "The subscription has no such notification"),
    SUBSCRIPTION_LIMIT_REACHED(Refusal.RULE_VIOLATED, "The team already holds the most subscriptions a team may"),
    SUBSCRIPTION_ALREADY_PAUSED(Refusal.CONFLICT, "The subscription is already paused"),
    SUBSCRIPTION_NOT_PAUSED(Refusal.CONFLICT, "The subscription is not paused"),
    SUBSCRIBER_TEAM_NOT_REGISTERED(
            Refusal.RULE_VIOLATED, "An integration subscribes only for a registered team of its own domains"),
    NOTIFICATION_KIND_UNKNOWN(Refusal.RULE_VIOLATED, "kinds[] names a kind of notification the ledger does not send"),
    TARGET_SCHEME_NOT_ALLOWED(Refusal.RULE_VIOLATED, "A subscription's url must be https"),
    TARGET_ADDRESS_NOT_ALLOWED(
            Refusal.RULE_VIOLATED,
            "A subscription's url must not reach a loopback, private, link-local or metadata address"),
    TARGET_NOT_RESOLVED(Refusal.RULE_VIOLATED, "The host of the subscription's url does not resolve"),
    IDEMPOTENCY_KEY_REUSED(Refusal.RULE_VIOLATED, "The Idempotency-Key was used before with another request"),
    IDEMPOTENCY_KEY_IN_FLIGHT(Refusal.CONFLICT, "A request with this Idempotency-Key is still being processed");

    private final Refusal refusal;
    private final String title;

    ErrorCode(Refusal refusal, String title) {
        this.refusal = refusal;
        this.title = title;
    }

    public Refusal refusal() {
        return refusal;
    }

    public String title() {
        return title;
    }

    /** The stable, URL-friendly form used in problem {@code type} URIs. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
