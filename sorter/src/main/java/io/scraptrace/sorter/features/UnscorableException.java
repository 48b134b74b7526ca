package io.scraptrace.sorter.features;

/**
 * A record the models cannot score (non-finite or out-of-range measurement, undecodable frame).
 * The message is the reason written to the dead-letter topic.
 */
public final class UnscorableException extends Exception {
    private final String field;

    public UnscorableException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** The offending field, or null when the record as a whole is bad. */
    public String field() {
        return field;
    }
}
