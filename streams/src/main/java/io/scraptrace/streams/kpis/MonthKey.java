package io.scraptrace.streams.kpis;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Keys of the monthly store: {@code region|yyyy-MM}, the month taken in one configured zone, so that
 * all of a region's months of a year are one contiguous key range. Remembers the current month's
 * bounds, because nearly every reading falls in it; so one instance per processor, not shared between
 * threads.
 */
public final class MonthKey {
    /** Separates region from month; no region code contains it. */
    static final char SEPARATOR = '|';

    private final ZoneId zone;
    private long cachedStart = Long.MAX_VALUE;
    private long cachedEnd = Long.MIN_VALUE;
    private String cachedMonth;

    public MonthKey(ZoneId zone) {
        this.zone = zone;
    }

    /** The zone months are taken in. */
    public ZoneId zone() {
        return zone;
    }

    /** The key of {@code region}'s month containing {@code epochMs}. */
    public String key(String region, long epochMs) {
        return key(region, month(epochMs));
    }

    /** The key of {@code region}'s {@code month} (yyyy-MM). */
    public static String key(String region, String month) {
        return region + SEPARATOR + month;
    }

    /** The month (yyyy-MM) containing {@code epochMs}. */
    public String month(long epochMs) {
        if (epochMs < cachedStart || epochMs >= cachedEnd) {
            YearMonth month = YearMonth.from(Instant.ofEpochMilli(epochMs).atZone(zone));
            cachedStart = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
            cachedEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
            cachedMonth = month.toString();
        }
        return cachedMonth;
    }

    /** Region part of a key. */
    public static String region(String key) {
        return key.substring(0, key.lastIndexOf(SEPARATOR));
    }

    /** Month part of a key. */
    public static YearMonth month(String key) {
        return YearMonth.parse(key.substring(key.lastIndexOf(SEPARATOR) + 1));
    }
}
