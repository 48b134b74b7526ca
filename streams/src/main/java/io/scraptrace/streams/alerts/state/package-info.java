/**
 * Binary layouts of the alert ledgers' per-declaration state: written on every lot answer, so
 * encoded by hand like the other hot stores ({@link io.scraptrace.streams.serde.BinarySerde}), and
 * laid out so that no value grows with the number of lots a declaration lists except the lot list
 * itself, written once per declaration.
 */
package io.scraptrace.streams.alerts.state;
