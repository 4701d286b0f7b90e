package dev.cloudjar.services.s3.select;

import java.util.List;
import java.util.Map;

/**
 * One input record: its fields by name in input order ({@code _1}, {@code _2}... for CSV without a
 * header) and, for CSV, the values by position ({@code _N} works with a header too).
 */
record Row(Map<String, Object> fields, List<String> positional) {

    Object whole() {
        return fields;
    }

    /** A top-level field: {@code _N} by position for CSV, else by name (case-insensitively unless quoted); MISSING when absent. */
    Object field(String name, boolean caseSensitive) {
        if (positional != null && name.length() > 1 && name.charAt(0) == '_' && name.substring(1).chars().allMatch(Character::isDigit)) {
            int index;
            try {
                index = Integer.parseInt(name.substring(1));
            } catch (NumberFormatException e) {
                throw SelectErrors.invalidColumnIndex(name);
            }
            if (index < 1) {
                throw SelectErrors.invalidColumnIndex(name);
            }
            return index <= positional.size() ? positional.get(index - 1) : SqlValues.MISSING;
        }
        if (fields.containsKey(name)) {
            return fields.get(name);
        }
        if (!caseSensitive) {
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        return SqlValues.MISSING;
    }
}
