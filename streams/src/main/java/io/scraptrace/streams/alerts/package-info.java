/**
 * Export anomaly detection (CONTRACT section 5): every export declaration gets one
 * {@link io.scraptrace.avro.Alert} on the alerts topic (severity 0 and no reasons when clean), the
 * latest per declaration queryable in {@link io.scraptrace.streams.alerts.AlertsTopology#ALERTS_STORE}.
 *
 * <p>Wiring: the streams application subscribes the shared topics once and calls
 * {@link io.scraptrace.streams.alerts.AlertsTopology#build}; before starting it, it seeds the Basel
 * consent table with {@link io.scraptrace.streams.alerts.consents.ConsentsLoader#publish(io.scraptrace.core.config.ScrapTraceConfig)}.
 *
 * <p>Configuration ({@code alerts.*}, defaults are the shared rule semantics the simulator plants by):
 * <ul>
 * <li>{@code alerts.lot.wait.ms} (600000): how long a declaration waits, wall clock, for its lots to be
 * graded; then missing lots are UNTRACEABLE_LOTS. Lots graded later trigger a re-check whose alert
 * replaces the earlier one.</li>
 * <li>{@code alerts.lot.wait.check.ms} (1000), {@code alerts.intake.flush.ms} (1000): timers of the
 * waiting declarations and of the buffered graded intake.</li>
 * <li>{@code alerts.evidence.min.graded.share} (0.8): least share of the declared mass graded with
 * confidence for the grade rules to judge; below it they say INSUFFICIENT_EVIDENCE.</li>
 * <li>{@code alerts.mass.tolerance} (1.05), {@code alerts.value.window} (50), {@code alerts.value.min.samples} (5),
 * {@code alerts.value.factor} (3), {@code alerts.volume.window} (20), {@code alerts.volume.min.samples} (5),
 * {@code alerts.volume.factor} (4): rule thresholds.</li>
 * <li>{@code alerts.state.in.memory} (false): in-memory stores, rebuilt from their changelogs on start.</li>
 * <li>{@code alerts.consents.file} (bundled {@code consents.jsonl}: black mass to KR and BE, any exporter):
 * JSON lines of BaselConsent fields.</li>
 * </ul>
 */
package io.scraptrace.streams.alerts;
