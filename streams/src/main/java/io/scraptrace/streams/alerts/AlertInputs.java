package io.scraptrace.streams.alerts;

import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Site;
import io.scraptrace.streams.lots.LotReading;
import io.scraptrace.streams.lots.LotsTopology;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The shared sources the alerts sub-topology reads. Kafka Streams allows a topic to be subscribed
 * once per builder, so the streams application creates them and hands them over.
 *
 * @param lotReadings graded readings keyed by lotId, resends already removed, each with its lot's
 *                    state from {@link LotsTopology} (whose store the lot ledger also reads)
 * @param exports     export declarations keyed by declarationId
 * @param sites       the site registry keyed by siteId
 * @param consents    Basel prior informed consents keyed by consentId (a tombstone revokes one)
 */
public record AlertInputs(KStream<String, LotReading> lotReadings, KStream<String, ExportDeclaration> exports,
                          GlobalKTable<String, Site> sites, KStream<String, BaselConsent> consents) {
}
