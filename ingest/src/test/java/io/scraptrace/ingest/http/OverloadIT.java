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
            // The first quick request may reach the server before the stalled one is dispatched, win the only
            // admission and get the stalled one refused: that is the limit working, but not the case under test.
            for (int attempt = 1; ; attempt++) {
                byte[] first = payloads.reading("slow-" + attempt, TestIngest.SITE, "L-SLOW").toString().getBytes(StandardCharsets.UTF_8);
                String second = payloads.reading("quick-" + attempt, TestIngest.SITE, "L-SLOW").toString();
                if (stalledRequestHoldsTheAdmission(ingest, client, first, second, Duration.ofMillis(200L * attempt))) {
                    assertEquals(202, client.post("/v1/readings", TestIngest.PLANT_TOKEN, "application/json", second).status());
                    return;
                }
                assertTrue(attempt < 3, "the stalled request was refused in " + attempt + " attempts: it never held the admission");
            }
        }
    }

    /** False when the stalled request itself was refused because a quick one got in first. */
    private static boolean stalledRequestHoldsTheAdmission(TestIngest ingest, IngestClient client, byte[] first, String second,
                                                           Duration head) throws Exception {
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
            // Give the server time to dispatch the stalled request before the quick one races it to the admission.
            Thread.sleep(head.toMillis());

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            HttpReply reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, "application/json", second);
            while (reply.status() != 429 && System.nanoTime() < deadline) {
                if (slow.getInputStream().available() > 0) {
                    String refused = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
                    return false;
                }
                Thread.sleep(100);
                reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, "application/json", second);
            }
            assertEquals(429, reply.status(), reply::toString);

            out.write(first, first.length / 2, first.length - first.length / 2);
            out.flush();
            String response = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 202"), response);
            return true;
        }
    }
}
