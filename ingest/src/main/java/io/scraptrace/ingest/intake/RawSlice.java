package io.scraptrace.ingest.intake;

import java.util.Arrays;

/**
 * Where one item sits in the request body, so the exact bytes the plant sent can go to the
 * dead-letter topic without copying every valid item.
 *
 * @param body   the whole body
 * @param offset start of the item
 * @param length length of the item
 */
public record RawSlice(byte[] body, int offset, int length) {
    /** The item's bytes, at most {@code max} of them. */
    public byte[] bytes(int max) {
        return Arrays.copyOfRange(body, offset, offset + Math.min(length, max));
    }

    /** The whole of {@code bytes}. */
    public static RawSlice of(byte[] bytes) {
        return new RawSlice(bytes, 0, bytes.length);
    }
}
