package io.scraptrace.streams.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a downloadable report shows of each item: named columns for CSV, an object for JSON.
 *
 * @param <T> the item type
 */
public interface Report<T> {
    /** The CSV header row. */
    List<String> columns();

    /** One CSV row, a value per column. */
    List<String> cells(T item);

    /** The item as a JSON array element. */
    JsonNode json(T item);
}
