package dev.cloudjar.services.logs.filter;

import dev.cloudjar.services.logs.filter.ConditionLexer.Kind;
import dev.cloudjar.services.logs.filter.ConditionLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [ip, user, ..., status = 4*, bytes > 1000]}: the message split into fields at spaces (text
 * in double quotes or square brackets is one field, without them), each named field optionally
 * tested ({@code =}, {@code !=}, numeric comparisons, joined with {@code &&} / {@code ||}); {@code ...}
 * stands for any number of fields. Without {@code ...} the field count must match exactly.
 */
public record SpaceDelimitedPattern(List<Field> fields) implements FilterPattern {
    private static final int MAX_FIELDS = 100;

    /** One position of the pattern. */
    public sealed interface Field permits Ellipsis, Named {
    }

    public record Ellipsis() implements Field {
    }

    /** A named field, with its test (null: any value). */
    public record Named(String name, FieldTest test) implements Field {
        boolean accepts(String value) {
            return test == null || test.test(value);
        }
    }

    /** A test of one field's value. */
    public sealed interface FieldTest permits All, Any, Atom {
        boolean test(String value);
    }

    public record All(List<FieldTest> parts) implements FieldTest {
        @Override
        public boolean test(String value) {
            return parts.stream().allMatch(p -> p.test(value));
        }
    }

    public record Any(List<FieldTest> parts) implements FieldTest {
        @Override
        public boolean test(String value) {
            return parts.stream().anyMatch(p -> p.test(value));
        }
    }

    public record Atom(Comparison comparison) implements FieldTest {
        @Override
        public boolean test(String value) {
            return comparison.test(value, Comparison.numberOrNull(value));
        }
    }

    @Override
    public boolean matches(String message) {
        return match(split(message.strip()), 0, 0);
    }

    private boolean match(List<String> values, int f, int v) {
        if (f == fields.size()) {
            return v == values.size();
        }
        Field field = fields.get(f);
        if (field instanceof Ellipsis) {
            for (int skip = v; skip <= values.size(); skip++) {
                if (match(values, f + 1, skip)) {
                    return true;
                }
            }
            return false;
        }
        return v < values.size() && ((Named) field).accepts(values.get(v)) && match(values, f + 1, v + 1);
    }

    /** The message's fields: runs of non-space characters, "quoted" or [bracketed] runs as one field. */
    static List<String> split(String message) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            char close = c == '"' ? '"' : c == '[' ? ']' : 0;
            if (close != 0) {
                int end = message.indexOf(close, i + 1);
                if (end > 0) {
                    out.add(message.substring(i + 1, end));
                    i = end + 1;
                    continue;
                }
            }
            int end = i;
            while (end < message.length() && !Character.isWhitespace(message.charAt(end))) {
                end++;
            }
            out.add(message.substring(i, end));
            i = end;
        }
        return out;
    }

    static SpaceDelimitedPattern parse(String pattern) {
        if (!pattern.endsWith("]")) {
            throw new IllegalArgumentException("Invalid filter pattern: a space-delimited pattern must end with ]");
        }
        String inner = pattern.substring(1, pattern.length() - 1);
        List<Field> fields = new ArrayList<>();
        for (String part : topLevelParts(inner)) {
            String text = part.strip();
            if (text.isEmpty()) {
                if (inner.isBlank()) {
                    break;
                }
                throw new IllegalArgumentException("Invalid filter pattern: empty field in " + pattern);
            }
            fields.add(text.equals("...") ? new Ellipsis() : field(text));
            if (fields.size() > MAX_FIELDS) {
                throw new IllegalArgumentException("Invalid filter pattern: more than " + MAX_FIELDS + " fields");
            }
        }
        return new SpaceDelimitedPattern(List.copyOf(fields));
    }

    private static List<String> topLevelParts(String inner) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                parts.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(inner.substring(start));
        return parts;
    }

    private static Named field(String text) {
        List<Token> tokens = ConditionLexer.tokens(text);
        Token name = tokens.get(0);
        if (name.kind() != Kind.WORD) {
            throw new IllegalArgumentException("Invalid filter pattern: field " + text + " must start with a name");
        }
        if (tokens.size() == 1) {
            return new Named(name.text(), null);
        }
        List<FieldTest> alternatives = new ArrayList<>();
        List<FieldTest> conjunction = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (i + 2 >= tokens.size() || tokens.get(i).kind() != Kind.WORD || tokens.get(i + 1).kind() != Kind.OPERATOR
                    || (tokens.get(i + 2).kind() != Kind.WORD && tokens.get(i + 2).kind() != Kind.QUOTED)) {
                throw new IllegalArgumentException("Invalid filter pattern: field " + text + " must be <name> <operator> <value>");
            }
            Token value = tokens.get(i + 2);
            conjunction.add(new Atom(Comparison.of(tokens.get(i + 1).text(), value.text(), value.kind() == Kind.QUOTED)));
            i += 3;
            if (i < tokens.size()) {
                Token join = tokens.get(i++);
                if (i >= tokens.size()) {
                    throw new IllegalArgumentException("Invalid filter pattern: nothing after " + join.text() + " in field " + text);
                }
                if (join.kind() == Kind.OR) {
                    alternatives.add(conjunction.size() == 1 ? conjunction.get(0) : new All(List.copyOf(conjunction)));
                    conjunction = new ArrayList<>();
                } else if (join.kind() != Kind.AND) {
                    throw new IllegalArgumentException("Invalid filter pattern: expected && or || in field " + text);
                }
            }
        }
        alternatives.add(conjunction.size() == 1 ? conjunction.get(0) : new All(List.copyOf(conjunction)));
        return new Named(name.text(), alternatives.size() == 1 ? alternatives.get(0) : new Any(List.copyOf(alternatives)));
    }
}
