package dev.cloudjar.services.logs.filter;

/**
 * A CloudWatch Logs filter pattern, parsed once and matched against each event's message. Three
 * forms, told apart by the first character as AWS does: {@code { ... }} selects fields of a JSON
 * message, {@code [ ... ]} names the space-delimited fields of a message, anything else is terms
 * (words, quoted phrases, {@code ?alternatives}, {@code -exclusions}, {@code %regex%}).
 */
public sealed interface FilterPattern permits FilterPattern.MatchAll, TermPattern, JsonPattern, SpaceDelimitedPattern {

    boolean matches(String message);

    /** Parses a pattern; an empty or blank one matches every event. Throws IllegalArgumentException when malformed. */
    static FilterPattern parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("\"\"")) {
            return MatchAll.INSTANCE;
        }
        String pattern = text.strip();
        if (pattern.startsWith("{")) {
            return JsonPattern.parse(pattern);
        }
        if (pattern.startsWith("[")) {
            return SpaceDelimitedPattern.parse(pattern);
        }
        return TermPattern.parse(pattern);
    }

    /** The empty pattern. */
    enum MatchAll implements FilterPattern {
        INSTANCE;

        @Override
        public boolean matches(String message) {
            return true;
        }
    }
}
