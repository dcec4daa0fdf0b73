package org.meshledger.api.model;

/** The formats of identifiers, as API.md fixes them: lowercase kebab parts; product ids are {@code domain.name}. */
public final class Ids {

    public static final String PART = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String ID = "^" + PART + "$";
    public static final String PRODUCT_ID = "^" + PART + "\\." + PART + "$";
    /** The subscriber team, a colon, twelve hex digits: the team is read back from the id, with no lookup. */
    public static final String SUBSCRIPTION_ID = "^" + PART + ":[0-9a-f]{12}$";

    public static final int MAX_LENGTH = 128;
    public static final int MAX_TEXT = 2000;

    private Ids() {}

    public static String domainOf(String productId) {
        return productId.substring(0, productId.indexOf('.'));
    }
}
