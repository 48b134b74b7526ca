package io.scraptrace.app.demo;

import io.scraptrace.core.config.ScrapTraceConfig;

/**
 * What the demo runs.
 *
 * @param config     resolved configuration (data dir, HTTP port, tokens file, ...)
 * @param kafkaPort  client port of the embedded broker; 0 picks a free one
 * @param simulator  whether to run the plant simulator
 * @param sites      simulated sites
 * @param rate       simulated readings per second
 * @param seed       seed of the simulated world (the same seed gives the same sites, so tokens stay valid)
 */
public record DemoOptions(ScrapTraceConfig config, int kafkaPort, boolean simulator, int sites, double rate, long seed) {
}
