package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Frame;
import io.scraptrace.avro.Reading;

/**
 * A reading about to be sent, the lot it belongs to and its camera frame, if any.
 *
 * @param reading the reading (its frameId names {@code frame})
 * @param lot     its lot
 * @param frame   the frame of the same piece, or null
 */
record EmittedReading(Reading reading, Lot lot, Frame frame) {
}
