package io.scraptrace.ingest.http;

import io.javalin.http.Context;
import io.scraptrace.core.http.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body, answering 413 as soon as it exceeds the limit: from Content-Length when
 * given, and while reading otherwise (chunked bodies announce no length).
 */
public final class BodyReader {
    private final long maxBytes;

    /** @param maxBytes largest body accepted */
    public BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The largest body accepted. */
    public long maxBytes() {
        return maxBytes;
    }

    /** 413 now if the announced length is over the limit. */
    public void checkDeclaredLength(Context ctx) {
        if (ctx.contentLength() > maxBytes) {
            throw tooLarge();
        }
    }

    /** The bytes the request will hold in memory: its announced length, or the limit when unknown. */
    public long expectedBytes(Context ctx) {
        long declared = ctx.contentLength();
        return declared >= 0 ? declared : maxBytes;
    }

    /** The whole body. */
    public byte[] read(Context ctx) {
        checkDeclaredLength(ctx);
        long declared = ctx.contentLength();
        try (InputStream in = ctx.req().getInputStream()) {
            // The server stops a body at its Content-Length, so a declared length needs no further limit.
            return declared >= 0 ? in.readNBytes((int) declared) : readChunked(in);
        } catch (IOException e) {
            throw new ApiException(400, "could not read the request body: " + e.getMessage());
        }
    }

    private byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + (long) n > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private ApiException tooLarge() {
        return new ApiException(413, "body larger than " + maxBytes + " bytes: split it into several requests");
    }
}
