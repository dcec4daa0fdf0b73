package org.meshledger.command.product;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;

/** Matches a refusal by the rule it names, not by its wording. */
final class Violations {

    private Violations() {}

    static Matcher<RuleViolation> violationOf(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal for breaking " + code);
            }
        };
    }
}
