package io.scraptrace.broker;

/**
 * Where an embedded broker listens.
 *
 * @param host           interface the client listener binds (0.0.0.0 for all)
 * @param port           client port, 0 for a free one
 * @param advertisedHost host name clients are told to connect to
 */
public record BrokerOptions(String host, int port, String advertisedHost) {
}
