package io.scraptrace.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IngestCommandTest {
    @Test
    void refusesToRunWithoutATokensFile() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new IngestCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("--bootstrap-servers", "127.0.0.1:1", "--mqtt-url", "tcp://127.0.0.1:1");

        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("a tokens file or an OpenID Connect provider is required"), err::toString);
    }

    @Test
    void helpListsTheMqttOption() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new IngestCommand()).setOut(new PrintWriter(out)).execute("--help");

        assertEquals(CommandLine.ExitCode.OK, exit);
        assertTrue(out.toString().contains("--mqtt-url") && out.toString().contains("--tokens"), out::toString);
    }
}
