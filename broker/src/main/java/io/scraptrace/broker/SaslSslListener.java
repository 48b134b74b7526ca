package io.scraptrace.broker;

import java.nio.file.Path;

/**
 * A SASL_SSL client listener next to the plaintext one: SCRAM-SHA-512 over TLS, the way a
 * production cluster is reached. Users are SCRAM credentials created through the Admin API
 * (KRaft keeps them in the metadata log); inter-broker and controller traffic stay plaintext on
 * loopback.
 *
 * @param port     client port, 0 for a free one
 * @param keystore PKCS12 keystore with the broker's key and certificate
 * @param password password of the keystore and its key
 */
public record SaslSslListener(int port, Path keystore, String password) {
    /** The listener's name and security protocol. */
    public static final String NAME = "SASL_SSL";
    /** The SASL mechanism it offers. */
    public static final String MECHANISM = "SCRAM-SHA-512";
}
