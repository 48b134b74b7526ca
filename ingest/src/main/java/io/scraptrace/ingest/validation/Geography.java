package io.scraptrace.ingest.validation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** ISO 3166 country and subdivision codes as the contract uses them for destinations and regions. */
public final class Geography {
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    /** ISO 3166-2: the country's alpha-2 code, a hyphen, then one to three letters or digits. */
    private static final Pattern SUBDIVISION = Pattern.compile("([A-Z]{2})-[A-Z0-9]{1,3}");

    private Geography() {
    }

    /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 country code, e.g. {@code VN}. */
    public static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    /** Whether {@code code} is shaped like an ISO 3166-2 subdivision of a real country, e.g. {@code JP-13}. */
    public static boolean isRegion(String code) {
        var matcher = SUBDIVISION.matcher(code);
        return matcher.matches() && isCountry(matcher.group(1));
    }
}
