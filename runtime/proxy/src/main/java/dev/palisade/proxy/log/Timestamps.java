package dev.palisade.proxy.log;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes an {@code Instant} exactly as {@link Instant#toString} does (ISO-8601 in UTC, the
 * fraction in groups of three digits, none when zero), without going through
 * {@code DateTimeFormatter} for every line: the date and time of day are formatted once per
 * second and reused by every line of that second, only the fraction is written each time.
 */
final class Timestamps {
    /** 9999-12-31T23:59:59Z: beyond it (and before 1970) {@code Instant.toString} is used as is. */
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

    /** The last second formatted, with its text; replaced whole, so readers on any thread see a pair. */
    private record Second(long epochSecond, String text) {}

    private static volatile Second last = new Second(-1, "");

    private Timestamps() {}

    static void append(StringBuilder out, Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < 0 || epochSecond > LAST_FOUR_DIGIT_SECOND) {
            out.append(instant);
            return;
        }
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, dateAndTime(epochSecond));
            last = second;
        }
        out.append(second.text());
        int nanos = instant.getNano();
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(out, nanos / 1000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        out.append('Z');
    }

    /** {@code yyyy-MM-ddTHH:mm:ss}, as {@code Instant.toString} starts. */
    private static String dateAndTime(long epochSecond) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(19);
        digits(text, time.getYear(), 4);
        text.append('-');
        digits(text, time.getMonthValue(), 2);
        text.append('-');
        digits(text, time.getDayOfMonth(), 2);
        text.append('T');
        digits(text, time.getHour(), 2);
        text.append(':');
        digits(text, time.getMinute(), 2);
        text.append(':');
        digits(text, time.getSecond(), 2);
        return text.toString();
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits. */
    private static void digits(StringBuilder out, int value, int width) {
        for (int divisor = pow10(width - 1); divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }

    private static int pow10(int exponent) {
        int result = 1;
        for (int index = 0; index < exponent; index++) {
            result *= 10;
        }
        return result;
    }
}
