package io.scraptrace.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheContractOptions() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new SimulateCommand()).setOut(new PrintWriter(out));
        assertEquals(0, command.execute("--help"));
        for (String option : List.of("--url", "--sites", "--rate", "--duration", "--anomalies", "--seed", "--tokens", "--ground-truth")) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    @Test
    void refusesToRunWithoutTokens() {
        assumeTrue(System.getenv("SCRAPTRACE_TOKENS_FILE") == null, "no tokens file in the environment");
        CommandLine command = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, command.execute("--duration", "1s"));
    }

    @Test
    void runsForItsDurationAgainstTheGivenUrl() throws Exception {
        AtomicInteger readingRequests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals("/v1/readings")) {
                readingRequests.incrementAndGet();
            }
            byte[] reply = ("{\"accepted\":" + body.lines().count() + ",\"rejected\":0,\"errors\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        try {
            Path tokens = Files.writeString(dir.resolve("tokens"), "reg regulator *\np1 plant S-TKY-01\np2 plant S-KNG-01\n");
            StringWriter out = new StringWriter();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            int code = new CommandLine(new SimulateCommand()).setOut(new PrintWriter(out)).execute(
                    "--url", url, "--sites", "2", "--rate", "40", "--duration", "2s", "--seed", "3", "--tokens", tokens.toString(),
                    "--ground-truth", dir.resolve("truth.jsonl").toString());
            assertEquals(0, code);
            assertTrue(readingRequests.get() > 0, "readings posted");
            assertTrue(out.toString().contains("S-TKY-01"), out.toString());
            assertTrue(Files.exists(dir.resolve("truth.jsonl")));
        } finally {
            server.stop(0);
        }
    }
}
