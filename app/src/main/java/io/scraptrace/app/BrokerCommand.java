package io.scraptrace.app;

import io.scraptrace.broker.BrokerOptions;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scraptrace broker}: a real single-node KRaft broker with the contract topics created. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run an embedded single-node KRaft Kafka broker and create the contract topics; runs until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Client port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "scraptrace-data/broker", description = "Log directory, formatted on first start (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--advertised-host", defaultValue = "localhost", description = "Host name clients are told to use (default ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--topic-prefix", defaultValue = "scrap.", description = "Prefix of the contract topics (default ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Override
    public Integer call() {
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, new BrokerOptions(host, port, advertisedHost));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-shutdown"));
        ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(
                ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                ScrapTraceConfig.TOPIC_PREFIX, topicPrefix));
        var created = TopicCreator.ensureTopics(config);
        System.out.printf("Kafka broker on %s (data in %s); topics created now: %s%n",
                kafka.bootstrapServers(), dataDir.toAbsolutePath(), created.isEmpty() ? "none, all existed" : String.join(", ", created));
        kafka.awaitShutdown();
        return 0;
    }
}
