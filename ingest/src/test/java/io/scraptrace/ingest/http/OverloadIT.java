package io.scraptrace.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.ingest.testing.HttpReply;
import io.scraptrace.ingest.testing.IngestClient;
import io.scraptrace.ingest.testing.Payloads;
import io.scraptrace.ingest.testing.SharedKafka;
import io.scraptrace.ingest.testing.TestIngest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Beyond the in-flight limit a request is refused with 429 at once, and served again once load drops. */
class OverloadIT {
    @Test
    void requestBeyondTheInFlightLimitGets429() throws Exception {
        try (TestIngest ingest = TestIngest.start(SharedKafka.bootstrapServers(), Map.of("ingest.max.inflight.requests", "1"))) {
            IngestClient client = ingest.client();
            Payloads payloads = new Payloads(9);
            byte[] first = payloads.reading("slow-1", TestIngest.SITE, "L-SLOW").toString().getBytes(StandardCharsets.UTF_8);
            String second = payloads.reading("quick-1", TestIngest.SITE, "L-SLOW").toString();

            // A client that sends its headers and half its body, then stalls, holds the only admission.
            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), ingest.server().port())) {
                OutputStream out = slow.getOutputStream();
                ByteArrayOutputStream start = new ByteArrayOutputStream();
                start.writeBytes(("POST /v1/readings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestIngest.PLANT_TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + first.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                start.write(first, 0, first.length / 2);
                out.write(start.toByteArray());
                out.flush();

                HttpReply refused = awaitStatus(client, second, 429, Duration.ofSeconds(20));
                assertEquals(429, refused.status(), refused::toString);

                out.write(first, first.length / 2, first.length - first.length / 2);
                out.flush();
                String response = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 202"), response);
            }
            assertEquals(202, client.post("/v1/readings", TestIngest.PLANT_TOKEN, "application/json", second).status());
        }
    }

    private static HttpReply awaitStatus(IngestClient client, String body, int wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpReply reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, "application/json", body);
        while (reply.status() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, "application/json", body);
        }
        return reply;
    }
}
