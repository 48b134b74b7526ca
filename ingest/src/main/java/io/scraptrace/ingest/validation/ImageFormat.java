package io.scraptrace.ingest.validation;

import java.util.Arrays;
import java.util.Optional;

/** The camera image formats frames may carry, recognised by their magic bytes rather than a claimed type. */
public enum ImageFormat {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final byte[] magic;

    ImageFormat(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    /** The MIME type stored with the frame. */
    public String contentType() {
        return contentType;
    }

    /** The magic bytes a file of this format starts with. */
    public byte[] magic() {
        return magic.clone();
    }

    /** The format whose magic bytes {@code image} starts with. */
    public static Optional<ImageFormat> detect(byte[] image) {
        return Arrays.stream(values())
                .filter(f -> image.length > f.magic.length
                        && Arrays.equals(image, 0, f.magic.length, f.magic, 0, f.magic.length))
                .findFirst();
    }
}
