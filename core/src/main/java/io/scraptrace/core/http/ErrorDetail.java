package io.scraptrace.core.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is wrong with one item of a request: its position in the batch (null for a single object),
 * the offending field and why.
 *
 * @param index  position in the batch
 * @param field  field name (dotted for nested, e.g. {@code composition.Cu})
 * @param reason why it was rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDetail(Integer index, String field, String reason) {
}
