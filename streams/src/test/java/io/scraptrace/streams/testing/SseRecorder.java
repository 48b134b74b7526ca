package io.scraptrace.streams.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Listens to {@code /v1/stream} like a browser's EventSource (token as access_token) and records the events. */
public final class SseRecorder {
    /** One server-sent event. */
    public record Event(String name, String data) {
    }

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();

    public SseRecorder(String base, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/stream?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).header("Accept", "text/event-stream").GET().build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            status.complete(response.statusCode());
            response.body().forEach(lines::add);
        });
    }

    /** The HTTP status of the stream once it opened. */
    public int status() throws Exception {
        return status.get();
    }

    /** The events received so far. */
    public List<Event> events() {
        List<Event> events = new ArrayList<>();
        String name = "message";
        for (String line : lines) {
            if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                events.add(new Event(name, line.substring("data:".length()).strip()));
                name = "message";
            }
        }
        return events;
    }
}
