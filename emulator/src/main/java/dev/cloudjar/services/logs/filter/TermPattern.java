package dev.cloudjar.services.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Terms of an unstructured pattern, all case-sensitive: every plain term must occur in the message,
 * no {@code -term} may occur, and when there are {@code ?term}s at least one of them must occur.
 * {@code "quoted phrases"} are one term including their spaces; {@code %regex%} terms are regular
 * expressions found anywhere in the message.
 */
public record TermPattern(List<Term> required, List<Term> alternatives, List<Term> excluded) implements FilterPattern {
    private static final int MAX_TERMS = 64;

    /** One term: a literal substring or a regular expression. */
    public sealed interface Term permits Literal, Regex {
        boolean foundIn(String message);
    }

    public record Literal(String text) implements Term {
        @Override
        public boolean foundIn(String message) {
            return message.contains(text);
        }
    }

    public record Regex(Pattern pattern) implements Term {
        @Override
        public boolean foundIn(String message) {
            return pattern.matcher(message).find();
        }
    }

    @Override
    public boolean matches(String message) {
        for (Term term : required) {
            if (!term.foundIn(message)) {
                return false;
            }
        }
        for (Term term : excluded) {
            if (term.foundIn(message)) {
                return false;
            }
        }
        if (alternatives.isEmpty()) {
            return true;
        }
        for (Term term : alternatives) {
            if (term.foundIn(message)) {
                return true;
            }
        }
        return false;
    }

    static TermPattern parse(String pattern) {
        List<Term> required = new ArrayList<>();
        List<Term> alternatives = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        int i = 0;
        int count = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<Term> into = required;
            if (c == '?' || c == '-') {
                into = c == '?' ? alternatives : excluded;
                i++;
                if (i >= pattern.length() || Character.isWhitespace(pattern.charAt(i))) {
                    throw new IllegalArgumentException("Invalid filter pattern: '" + c + "' must be followed by a term");
                }
                c = pattern.charAt(i);
            }
            int end;
            Term term;
            if (c == '"') {
                end = closing(pattern, i, '"');
                term = new Literal(unescape(pattern.substring(i + 1, end)));
                end++;
            } else if (c == '%') {
                end = closing(pattern, i, '%');
                try {
                    term = new Regex(Pattern.compile(pattern.substring(i + 1, end)));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("Invalid regular expression in filter pattern: " + e.getDescription());
                }
                end++;
            } else {
                end = i;
                while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))) {
                    end++;
                }
                term = new Literal(pattern.substring(i, end));
            }
            if (++count > MAX_TERMS) {
                throw new IllegalArgumentException("Invalid filter pattern: more than " + MAX_TERMS + " terms");
            }
            into.add(term);
            i = end;
        }
        return new TermPattern(List.copyOf(required), List.copyOf(alternatives), List.copyOf(excluded));
    }

    /** The index of the quote or percent sign closing the one at {@code open}; a backslash escapes a quote. */
    static int closing(String pattern, int open, char quote) {
        for (int i = open + 1; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && quote == '"' && i + 1 < pattern.length()) {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("Invalid filter pattern: unterminated " + quote + " in " + pattern);
    }

    static String unescape(String quoted) {
        if (quoted.indexOf('\\') < 0) {
            return quoted;
        }
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                c = quoted.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
