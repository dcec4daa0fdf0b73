package org.meshledger.platform.web;

/**
 * A path or query parameter that cannot be converted to what it takes, found outside a controller: answered with the
 * same {@code UNREADABLE_REQUEST} problem as a controller parameter of the same type.
 */
public class UnreadableParameter extends RuntimeException {

    private final String name;
    private final String value;
    private final Class<?> requiredType;

    public UnreadableParameter(String name, String value, Class<?> requiredType) {
        super("Parameter '%s' cannot be read as %s".formatted(name, requiredType.getSimpleName()), null, false, false);
        this.name = name;
        this.value = value;
        this.requiredType = requiredType;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    public Class<?> requiredType() {
        return requiredType;
    }
}
