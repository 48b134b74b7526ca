package io.scraptrace.simulator.plant;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the plant simulator runs.
 *
 * @param url            base URL of the ingest API, e.g. http://localhost:8080
 * @param sites          number of regular sites
 * @param rate           readings per second over all sites
 * @param duration       how long to run; zero runs until stopped
 * @param anomalies      whether to plant alert-raising declarations and problem sites
 * @param anomalyRate    share of declarations that carry a planted alert code (when anomalies are on)
 * @param seed           seed of the world and of everything generated
 * @param groundTruth    JSON-lines file for the expected alert codes of every declaration, or null
 * @param frameRate      share of readings that come with a camera frame
 * @param lotSettle      how long after its last reading was acknowledged a lot may be declared (time for grading)
 * @param runTag         tag in every event, lot and declaration id, so reruns never collide with earlier data
 */
public record SimulatorOptions(URI url, int sites, double rate, Duration duration, boolean anomalies,
                               double anomalyRate, long seed, Path groundTruth, double frameRate,
                               Duration lotSettle, String runTag) {
    /** Default share of declarations with a planted anomaly. */
    public static final double DEFAULT_ANOMALY_RATE = 0.2;
    /** Default share of readings with a frame. */
    public static final double DEFAULT_FRAME_RATE = 0.05;
    /** Default settle time before a lot may be declared. */
    public static final Duration DEFAULT_LOT_SETTLE = Duration.ofSeconds(10);

    public SimulatorOptions {
        if (sites < 1 || rate <= 0 || duration.isNegative() || anomalyRate < 0 || anomalyRate > 1
                || frameRate < 0 || frameRate > 1 || lotSettle.isNegative() || runTag.isBlank()) {
            throw new IllegalArgumentException("invalid simulator options: " + sites + " sites, rate " + rate
                    + ", duration " + duration + ", anomaly rate " + anomalyRate + ", frame rate " + frameRate);
        }
    }

    /** Options with defaults for the rates, settle time and a run tag from the current time. */
    public static SimulatorOptions defaults(URI url, int sites, double rate, Duration duration, boolean anomalies,
                                            long seed, Path groundTruth) {
        return new SimulatorOptions(url, sites, rate, duration, anomalies, DEFAULT_ANOMALY_RATE, seed, groundTruth,
                DEFAULT_FRAME_RATE, DEFAULT_LOT_SETTLE, Long.toString(System.currentTimeMillis() / 1000, 36));
    }

    /** The same options with other anomaly and frame rates. */
    public SimulatorOptions withRates(double newAnomalyRate, double newFrameRate) {
        return new SimulatorOptions(url, sites, rate, duration, anomalies, newAnomalyRate, seed, groundTruth, newFrameRate,
                lotSettle, runTag);
    }
}
