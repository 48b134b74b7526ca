package io.scraptrace.streams.alerts;

import io.scraptrace.core.config.ScrapTraceConfig;
import java.time.Duration;

/**
 * Thresholds of the alert rules, from the {@code alerts.*} configuration keys; the defaults are the
 * shared rule semantics the simulator plants anomalies by.
 *
 * @param lotWait              how long a declaration waits for its lots to be graded (wall clock)
 * @param lotWaitCheckInterval how often waiting declarations are looked at (wall clock)
 * @param intakeFlushInterval  how often buffered graded intake is passed to the site ledgers
 * @param massTolerance        declared mass may exceed available stock by this factor
 * @param minGradedShare       least share of the declared mass graded with confidence (not UNCERTAIN)
 *                             for the grade rules to judge; below it they say INSUFFICIENT_EVIDENCE
 * @param valueWindow          declarations per HS code in the rolling median
 * @param valueMinSamples      prior declarations needed before the value rule judges
 * @param valueFactor          value per tonne outside median / f .. median * f is an outlier
 * @param volumeWindow         declarations per exporter in the rolling mean
 * @param volumeMinSamples     prior declarations needed before the volume rule judges
 * @param volumeFactor         mass above mean * f is a spike
 * @param inMemoryState        keep the alert stores in memory (rebuilt from their changelogs on
 *                             start) instead of RocksDB: for small deployments and tests
 */
public record AlertSettings(Duration lotWait, Duration lotWaitCheckInterval, Duration intakeFlushInterval,
                            double massTolerance, double minGradedShare, int valueWindow, int valueMinSamples, double valueFactor,
                            int volumeWindow, int volumeMinSamples, double volumeFactor,
                            boolean inMemoryState) {

    /** The settings of {@code config}, defaults for keys it does not set. */
    public static AlertSettings from(ScrapTraceConfig config) {
        return new AlertSettings(
                Duration.ofMillis(config.getLong("alerts.lot.wait.ms", Duration.ofMinutes(10).toMillis())),
                Duration.ofMillis(config.getLong("alerts.lot.wait.check.ms", 1_000)),
                Duration.ofMillis(config.getLong("alerts.intake.flush.ms", 1_000)),
                config.getDouble("alerts.mass.tolerance", 1.05),
                config.getDouble("alerts.evidence.min.graded.share", 0.8),
                config.getInt("alerts.value.window", 50),
                config.getInt("alerts.value.min.samples", 5),
                config.getDouble("alerts.value.factor", 3.0),
                config.getInt("alerts.volume.window", 20),
                config.getInt("alerts.volume.min.samples", 5),
                config.getDouble("alerts.volume.factor", 4.0),
                config.getBoolean("alerts.state.in.memory", false));
    }
}
