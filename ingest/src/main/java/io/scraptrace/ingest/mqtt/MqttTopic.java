package io.scraptrace.ingest.mqtt;

/**
 * A topic the bridge listens on, {@code ROOT/{siteId}/readings} or {@code ROOT/{siteId}/frames}.
 *
 * @param siteId the site the topic belongs to
 * @param frames true for frames, false for readings
 */
record MqttTopic(String siteId, boolean frames) {
    private static final String READINGS = "readings";
    private static final String FRAMES = "frames";

    /** The subscription filters under {@code root}. */
    static String[] filters(String root) {
        return new String[] {root + "/+/" + READINGS, root + "/+/" + FRAMES};
    }

    /** The parsed topic, or null if it is not one of ours. */
    static MqttTopic parse(String root, String topic) {
        String[] levels = topic.split("/", -1);
        String[] rootLevels = root.split("/", -1);
        if (levels.length != rootLevels.length + 2 || !topic.startsWith(root + "/")) {
            return null;
        }
        String siteId = levels[rootLevels.length];
        String kind = levels[rootLevels.length + 1];
        if (siteId.isEmpty() || !(READINGS.equals(kind) || FRAMES.equals(kind))) {
            return null;
        }
        return new MqttTopic(siteId, FRAMES.equals(kind));
    }
}
