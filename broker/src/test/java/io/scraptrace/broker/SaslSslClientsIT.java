package io.scraptrace.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SASL/SCRAM over TLS configured only through properties: the same {@code kafka.*} settings a
 * deployment would give reach the topic creator's admin client, a producer and a consumer, which
 * work against a broker's SASL_SSL listener whose certificate the test makes with keytool; a wrong
 * password is refused.
 */
class SaslSslClientsIT {
    private static final String STORE_PASSWORD = "changeit-" + Long.toHexString(System.nanoTime());
    private static final String USER = "scraptrace-ingest";
    private static final String PASSWORD = "scram-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    @Test
    void clientsReachTheBrokerWithScramOverTlsFromPropertiesAlone() throws Exception {
        Path keystore = dir.resolve("broker.p12");
        Path truststore = dir.resolve("truststore.p12");
        TestCertificates.brokerKeyAndTruststore(keystore, truststore, STORE_PASSWORD);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), new SaslSslListener(0, keystore, STORE_PASSWORD))) {
            addScramUser(kafka.bootstrapServers());

            ScrapTraceConfig config = secured(kafka.secureBootstrapServers(), truststore, PASSWORD);
            List<String> created = TopicCreator.ensureTopics(config);
            assertTrue(created.contains(config.topics().readings.name()), created.toString());

            String topic = config.topics().readings.name();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClients.producer(config, "sasl-test"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "lot-1", "over TLS")).get(30, TimeUnit.SECONDS);
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, "sasl-test"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                List<ConsumerRecord<String, String>> read = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (read.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                }
                assertEquals(1, read.size());
                assertEquals("over TLS", read.get(0).value());
            }

            ScrapTraceConfig wrong = secured(kafka.secureBootstrapServers(), truststore, "not-" + PASSWORD);
            try (Admin admin = Admin.create(KafkaClients.admin(wrong))) {
                ExecutionException refused = assertThrows(ExecutionException.class, () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
                assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
            }
        }
    }

    /** What a deployment puts in its properties file (or SCRAPTRACE_KAFKA_* variables): nothing else. */
    private static ScrapTraceConfig secured(String bootstrap, Path truststore, String password) {
        Map<String, String> settings = new HashMap<>();
        settings.put(ScrapTraceConfig.BOOTSTRAP_SERVERS, bootstrap);
        settings.put("kafka.security.protocol", "SASL_SSL");
        settings.put("kafka.sasl.mechanism", SaslSslListener.MECHANISM);
        settings.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USER + "\" password=\"" + password + "\";");
        settings.put("kafka.ssl.truststore.type", "PKCS12");
        settings.put("kafka.ssl.truststore.location", truststore.toString());
        settings.put("kafka.ssl.truststore.password", STORE_PASSWORD);
        return ScrapTraceConfig.of(settings);
    }

    /** SCRAM credentials live in the cluster's metadata: an administrator creates them (here over the plaintext listener). */
    private static void addScramUser(String plaintextBootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD))).all().get(30, TimeUnit.SECONDS);
        }
        // The credential reaches the broker's SCRAM cache through the metadata log: give it a moment.
        Thread.sleep(1000);
    }
}
