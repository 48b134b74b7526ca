package io.scraptrace.simulator.plant;

import java.util.List;

/**
 * A Japanese prefecture the simulated sites are spread over.
 *
 * @param region ISO 3166-2 code, e.g. JP-13
 * @param code   three-letter abbreviation used in site ids, e.g. TKY
 * @param name   English name
 */
public record Prefecture(String region, String code, String name) {
    /** The prefectures sites are assigned to, in order: the big industrial regions plus Tohoku. */
    public static final List<Prefecture> ALL = List.of(
            new Prefecture("JP-13", "TKY", "Tokyo"),
            new Prefecture("JP-14", "KNG", "Kanagawa"),
            new Prefecture("JP-23", "AIC", "Aichi"),
            new Prefecture("JP-27", "OSK", "Osaka"),
            new Prefecture("JP-40", "FKO", "Fukuoka"),
            new Prefecture("JP-04", "MYG", "Miyagi"));
}
