package org.meshledger.api.model;

/** The least version step a change set needs: MAJOR when anything breaks, MINOR when something was added. */
public enum Bump {
    PATCH,
    MINOR,
    MAJOR
}
