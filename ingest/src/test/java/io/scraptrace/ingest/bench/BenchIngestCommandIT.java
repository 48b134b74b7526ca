package io.scraptrace.ingest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.ingest.testing.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A small run of the benchmark against the shared broker: it completes and reports both rates and their ratio. */
class BenchIngestCommandIT {
    private static final Pattern RATE = Pattern.compile("(raw producer|HTTP ingest) +([\\d,]+) records/s");
    private static final Pattern RATIO = Pattern.compile("ingest / raw +([\\d.]+) %");

    @Test
    void smallRunReportsBothRatesAndTheirRatio() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BenchIngestCommand()).execute("--records", "2000", "--batch", "500", "--clients", "2",
                    "--bootstrap-servers", SharedKafka.bootstrapServers());
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit, report);
        Matcher rates = RATE.matcher(report);
        double raw = 0;
        double http = 0;
        while (rates.find()) {
            double rate = Double.parseDouble(rates.group(2).replace(",", ""));
            if (rates.group(1).equals("raw producer")) {
                raw = rate;
            } else {
                http = rate;
            }
        }
        assertTrue(raw > 0 && http > 0, report);
        Matcher ratio = RATIO.matcher(report);
        assertTrue(ratio.find(), report);
        // The printed rates are rounded to whole records/s, the ratio is not: allow for that.
        assertEquals(100 * http / raw, Double.parseDouble(ratio.group(1)), 0.5, report);
    }
}
