package io.scraptrace.streams.alerts.model;

import io.scraptrace.avro.Material;

/**
 * Graded mass of one material a site received since the last delta.
 *
 * @param material material of the graded readings
 * @param kg       their summed mass
 */
public record IntakeDelta(Material material, double kg) {
}
