package dev.cloudjar.services.eventbridge.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * AWS's six-field cron: minutes, hours, day-of-month, month, day-of-week, year. One of the two day
 * fields must be {@code ?} and the other not; {@code L}, {@code W}, {@code LW} (day-of-month) and
 * {@code L}, {@code nL}, {@code n#k} (day-of-week, 1 = SUN) as AWS documents them; names JAN-DEC and
 * SUN-SAT; ranges may wrap ({@code FRI-MON}). Times are wall-clock times in whatever zone the caller
 * evaluates them in.
 */
public final class CronExpression {
    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 2199;
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final BitSet minutes;
    private final BitSet hours;
    private final DayOfMonth dayOfMonth;
    private final BitSet months;
    private final DayOfWeekSpec dayOfWeek;
    private final BitSet years;

    /** Day-of-month: a set of days, or L (last day, minus an offset), LW, or nW. Null fields mean "?". */
    private record DayOfMonth(BitSet days, boolean last, boolean lastWeekday, int nearestWeekdayTo) {
    }

    /** Day-of-week (1 = SUN): a set, the last given weekday of the month (nL), or the k-th (n#k). */
    private record DayOfWeekSpec(BitSet days, int lastOf, int nth, int nthDay) {
    }

    private CronExpression(BitSet minutes, BitSet hours, DayOfMonth dayOfMonth, BitSet months, DayOfWeekSpec dayOfWeek, BitSet years) {
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.years = years;
    }

    /** Parses the six fields (the text inside {@code cron(...)}); throws IllegalArgumentException when AWS would refuse them. */
    public static CronExpression parse(String fields) {
        String[] parts = fields.trim().split(" +");
        if (parts.length != 6 || !fields.equals(fields.trim())) {
            throw new IllegalArgumentException("cron needs six fields");
        }
        boolean domAny = parts[2].equals("?");
        boolean dowAny = parts[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be ?");
        }
        BitSet minutes = numbers(parts[0], 0, 59, null, 0);
        BitSet hours = numbers(parts[1], 0, 23, null, 0);
        DayOfMonth dom = domAny ? null : dayOfMonth(parts[2]);
        BitSet months = numbers(parts[3], 1, 12, MONTHS, 1);
        DayOfWeekSpec dow = dowAny ? null : dayOfWeek(parts[4]);
        BitSet years = numbers(parts[5], MIN_YEAR, MAX_YEAR, null, 0);
        return new CronExpression(minutes, hours, dom, months, dow, years);
    }

    /** The first minute strictly after {@code after} (seconds ignored) that matches, or null when none does before 2200. */
    public LocalDateTime next(LocalDateTime after) {
        LocalDateTime start = after.withSecond(0).withNano(0).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        boolean first = true;
        while (day.getYear() <= MAX_YEAR) {
            if (!years.get(day.getYear())) {
                int nextYear = years.nextSetBit(day.getYear() + 1);
                if (nextYear < 0 || nextYear > MAX_YEAR) {
                    return null;
                }
                day = LocalDate.of(nextYear, 1, 1);
                first = false;
                continue;
            }
            if (!months.get(day.getMonthValue())) {
                day = day.withDayOfMonth(1).plusMonths(1);
                first = false;
                continue;
            }
            if (dayMatches(day)) {
                int fromHour = first ? start.getHour() : 0;
                for (int h = hours.nextSetBit(fromHour); h >= 0; h = hours.nextSetBit(h + 1)) {
                    int fromMinute = first && h == start.getHour() ? start.getMinute() : 0;
                    int m = minutes.nextSetBit(fromMinute);
                    if (m >= 0) {
                        return day.atTime(h, m);
                    }
                }
            }
            day = day.plusDays(1);
            first = false;
        }
        return null;
    }

    private boolean dayMatches(LocalDate day) {
        if (dayOfMonth != null) {
            return domMatches(dayOfMonth, day);
        }
        return dowMatches(dayOfWeek, day);
    }

    private static boolean domMatches(DayOfMonth spec, LocalDate day) {
        int length = YearMonth.from(day).lengthOfMonth();
        if (spec.last) {
            return day.getDayOfMonth() == length;
        }
        if (spec.lastWeekday) {
            LocalDate last = day.withDayOfMonth(length);
            while (isWeekend(last)) {
                last = last.minusDays(1);
            }
            return day.equals(last);
        }
        if (spec.nearestWeekdayTo > 0) {
            if (spec.nearestWeekdayTo > length) {
                return false;
            }
            return day.equals(nearestWeekday(day.withDayOfMonth(spec.nearestWeekdayTo), length));
        }
        return spec.days.get(day.getDayOfMonth());
    }

    /** Quartz's W: the weekday nearest the given day, never crossing into another month. */
    private static LocalDate nearestWeekday(LocalDate target, int length) {
        if (target.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return target.getDayOfMonth() == 1 ? target.plusDays(2) : target.minusDays(1);
        }
        if (target.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return target.getDayOfMonth() == length ? target.minusDays(2) : target.plusDays(1);
        }
        return target;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static boolean dowMatches(DayOfWeekSpec spec, LocalDate day) {
        int dow = day.getDayOfWeek().getValue() % 7 + 1; // SUN = 1 ... SAT = 7
        if (spec.lastOf > 0) {
            return dow == spec.lastOf && day.plusDays(7).getMonthValue() != day.getMonthValue();
        }
        if (spec.nth > 0) {
            return dow == spec.nthDay && (day.getDayOfMonth() - 1) / 7 + 1 == spec.nth;
        }
        return spec.days.get(dow);
    }

    private static DayOfMonth dayOfMonth(String field) {
        switch (field) {
            case "L":
                return new DayOfMonth(null, true, false, 0);
            case "LW":
                return new DayOfMonth(null, false, true, 0);
            default:
                break;
        }
        if (field.endsWith("W")) {
            int day = number(field.substring(0, field.length() - 1), 1, 31, null, 0);
            return new DayOfMonth(null, false, false, day);
        }
        return new DayOfMonth(numbers(field, 1, 31, null, 0), false, false, 0);
    }

    private static DayOfWeekSpec dayOfWeek(String field) {
        if (field.equals("L")) {
            // alone, L is simply SAT (Quartz's reading, which AWS follows)
            BitSet saturday = new BitSet(8);
            saturday.set(7);
            return new DayOfWeekSpec(saturday, 0, 0, 0);
        }
        if (field.endsWith("L")) {
            return new DayOfWeekSpec(null, number(field.substring(0, field.length() - 1), 1, 7, DAYS, 1), 0, 0);
        }
        int hash = field.indexOf('#');
        if (hash >= 0) {
            int day = number(field.substring(0, hash), 1, 7, DAYS, 1);
            int nth = number(field.substring(hash + 1), 1, 5, null, 0);
            return new DayOfWeekSpec(null, 0, nth, day);
        }
        return new DayOfWeekSpec(numbers(field, 1, 7, DAYS, 1), 0, 0, 0);
    }

    /** A comma-separated list of {@code *}, {@code n}, {@code a-b}, each optionally {@code /step}. */
    private static BitSet numbers(String field, int min, int max, List<String> names, int nameBase) {
        BitSet set = new BitSet(max + 1);
        for (String item : field.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty list item");
            }
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                step = number(item.substring(slash + 1), 1, max - min + 1, null, 0);
                range = item.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                if (dash >= 0) {
                    from = number(range.substring(0, dash), min, max, names, nameBase);
                    to = number(range.substring(dash + 1), min, max, names, nameBase);
                } else {
                    from = number(range, min, max, names, nameBase);
                    // "5/15" means from 5 to the end in steps of 15
                    to = slash >= 0 ? max : from;
                }
            }
            int span = to >= from ? to - from : to - from + (max - min + 1);
            for (int i = 0; i <= span; i += step) {
                int value = from + i;
                if (value > max) {
                    value -= max - min + 1;
                }
                set.set(value);
            }
        }
        return set;
    }

    private static int number(String text, int min, int max, List<String> names, int nameBase) {
        if (names != null) {
            int named = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (named >= 0) {
                return named + nameBase;
            }
        }
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a number: " + text);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException("out of range: " + text);
        }
        return value;
    }
}
