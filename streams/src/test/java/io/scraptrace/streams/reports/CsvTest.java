package io.scraptrace.streams.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertEquals("plain,\"a,b\",\"say \"\"no\"\"\",\"two\r\nlines\",\"\nLF\",\r\n",
                Csv.record(Arrays.asList("plain", "a,b", "say \"no\"", "two\r\nlines", "\nLF", null)));
        assertEquals("\r\n", Csv.record(List.of()));
    }

    @Test
    void numbersArePlainDecimals() {
        assertEquals("0.00001", Csv.number(1e-5));
        assertEquals("1500", Csv.number(1500.0));
        assertEquals("2.5", Csv.number(2.5));
        assertEquals("", Csv.number(Double.NaN));
    }
}
