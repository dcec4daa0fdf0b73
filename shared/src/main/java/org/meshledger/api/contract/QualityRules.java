package org.meshledger.api.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Whether a quality rule asks more of the data than before: a higher floor, a lower ceiling, a narrower range. */
final class QualityRules {

    private static final List<String> FLOORS =
            List.of("mustBeGreaterThan", "mustBeGreaterOrEqualTo", "mustBeGreaterThanOrEqualTo");
    private static final List<String> CEILINGS =
            List.of("mustBeLessThan", "mustBeLessOrEqualTo", "mustBeLessThanOrEqualTo");

    private QualityRules() {}

    static boolean tightened(Map<String, Object> before, Map<String, Object> after) {
        for (String floor : FLOORS) {
            if (number(after.get(floor)) != null
                    && (number(before.get(floor)) == null
                            || number(after.get(floor)).compareTo(number(before.get(floor))) > 0)) {
                return true;
            }
        }
        for (String ceiling : CEILINGS) {
            if (number(after.get(ceiling)) != null
                    && (number(before.get(ceiling)) == null
                            || number(after.get(ceiling)).compareTo(number(before.get(ceiling))) < 0)) {
                return true;
            }
        }
        if (after.get("mustBe") != null && !after.get("mustBe").equals(before.get("mustBe"))) {
            return true;
        }
        return between(before, after);
    }

    private static boolean between(Map<String, Object> before, Map<String, Object> after) {
        if (!(after.get("mustBeBetween") instanceof List<?> range) || range.size() != 2) {
            return false;
        }
        if (!(before.get("mustBeBetween") instanceof List<?> old) || old.size() != 2) {
            return true;
        }
        return number(range.get(0)).compareTo(number(old.get(0))) > 0
                || number(range.get(1)).compareTo(number(old.get(1))) < 0;
    }

    private static BigDecimal number(Object value) {
        return value instanceof BigDecimal number ? number : null;
    }
}
