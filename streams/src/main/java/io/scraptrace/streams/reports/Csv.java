package io.scraptrace.streams.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * CSV text as RFC 4180 defines it (https://www.rfc-editor.org/rfc/rfc4180): fields separated by
 * commas, records ended by CRLF, a field holding a comma, a double quote, CR or LF enclosed in
 * double quotes with each double quote inside doubled.
 */
public final class Csv {
    private static final String LINE_END = "\r\n";

    private Csv() {
    }

    /** One record: the fields, quoted where needed, and the line end. */
    public static String record(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append(LINE_END).toString();
    }

    /** One field; null is the empty field. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** A number as plain decimal digits (no exponent, which some spreadsheets take for text). */
    public static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : "";
    }
}
