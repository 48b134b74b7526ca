package io.scraptrace.streams.reports;

import io.scraptrace.core.http.ApiServer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The two download formats. A report is written whole by the instance the client asked, or as a
 * part (its own partitions' rows, no header) by an instance that was asked for its share: a CSV
 * part is rows the whole report copies as they are, a JSON part is one object a line.
 */
public enum ReportFormat {
    CSV("csv", "text/csv; charset=utf-8"),
    JSON("json", "application/json");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** A writer of {@code report} to {@code out}; {@code part} for an instance's share of a report another writes whole. */
    public <T> Output<T> open(Report<T> report, OutputStream out, boolean part) {
        return this == CSV ? new CsvOutput<>(report, out, part) : new JsonOutput<>(report, out, part);
    }

    /**
     * Rows written as they come: {@link #begin}, any number of {@link #row} and {@link #passOn},
     * then {@link #end}.
     */
    public abstract static class Output<T> {
        final Report<T> report;
        final OutputStream raw;
        final Writer text;
        final boolean part;

        Output(Report<T> report, OutputStream raw, boolean part) {
            this.report = report;
            this.raw = raw;
            this.text = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
            this.part = part;
        }

        /** The header (CSV) or the opening bracket (JSON) of a whole report. */
        public abstract void begin() throws IOException;

        /** One item. */
        public abstract void row(T item) throws IOException;

        /** Another instance's part of the same report, as it arrives. */
        public abstract void passOn(InputStream otherPart) throws IOException;

        /** Ends the report and flushes it. */
        public void end() throws IOException {
            text.flush();
            raw.flush();
        }
    }

    private static final class CsvOutput<T> extends Output<T> {
        CsvOutput(Report<T> report, OutputStream raw, boolean part) {
            super(report, raw, part);
        }

        @Override
        public void begin() throws IOException {
            if (!part) {
                text.write(Csv.record(report.columns()));
            }
        }

        @Override
        public void row(T item) throws IOException {
            text.write(Csv.record(report.cells(item)));
        }

        @Override
        public void passOn(InputStream otherPart) throws IOException {
            // Quoted fields may hold line breaks: a CSV part is copied byte for byte, never split into lines.
            text.flush();
            otherPart.transferTo(raw);
        }
    }

    private static final class JsonOutput<T> extends Output<T> {
        private boolean first = true;

        JsonOutput(Report<T> report, OutputStream raw, boolean part) {
            super(report, raw, part);
        }

        @Override
        public void begin() throws IOException {
            if (!part) {
                text.write('[');
            }
        }

        @Override
        public void row(T item) throws IOException {
            element(ApiServer.JSON.writeValueAsString(report.json(item)));
        }

        @Override
        public void passOn(InputStream otherPart) throws IOException {
            BufferedReader lines = new BufferedReader(new InputStreamReader(otherPart, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    element(line);
                }
            }
        }

        @Override
        public void end() throws IOException {
            if (!part) {
                text.write("\n]\n");
            }
            super.end();
        }

        private void element(String json) throws IOException {
            // JSON text escapes line breaks inside strings, so one object is exactly one line.
            if (part) {
                text.write(json);
                text.write('\n');
                return;
            }
            text.write(first ? "\n" : ",\n");
            text.write(json);
            first = false;
        }
    }
}
