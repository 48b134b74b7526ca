package io.scraptrace.ingest.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.ingest.intake.ParsedItem;
import io.scraptrace.ingest.intake.RawSlice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A frame sent as {@code multipart/form-data} (what a camera's upload tool or curl {@code -F}
 * produces): the frame fields as form fields and the picture as the file part {@code image}. It is
 * turned into the same JSON item as a JSON upload, so one validator judges both.
 */
final class MultipartFrames {
    private static final List<String> FIELDS = List.of("eventId", "siteId", "stationId", "lotId", "timestamp");
    private static final String IMAGE_PART = "image";

    static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The single frame item of a multipart request. The caller checked Content-Length against the limit. */
    List<ParsedItem> items(Context ctx) {
        if (ctx.contentLength() < 0) {
            // The multipart parser reads the stream itself: only an announced length bounds it.
            throw new ApiException(411, "multipart uploads need a Content-Length");
        }
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        FIELDS.forEach(field -> {
            String value = ctx.formParam(field);
            if (value != null) {
                frame.put(field, value);
            }
        });
        UploadedFile image = ctx.uploadedFile(IMAGE_PART);
        if (image != null) {
            frame.put("imageBase64", Base64.getEncoder().encodeToString(read(image)));
        }
        return List.of(ParsedItem.parsed(null, frame, RawSlice.of(frame.toString().getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] read(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ApiException(400, "could not read the uploaded image: " + e.getMessage());
        }
    }
}
