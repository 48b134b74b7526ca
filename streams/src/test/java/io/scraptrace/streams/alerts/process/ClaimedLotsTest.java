package io.scraptrace.streams.alerts.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.streams.alerts.model.LotClaims;
import io.scraptrace.streams.alerts.model.LotRequest;
import io.scraptrace.streams.serde.JsonSerde;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class ClaimedLotsTest {
    private static final int CLAIMED = 3_000;

    @Test
    void neverSaysNotClaimedOfAClaimedLotAndRarelyMaybeOfOthers() {
        KeyValueStore<String, LotClaims> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LotLedger.CLAIMS_STORE),
                Serdes.String(), new JsonSerde<>(LotClaims.class)).withLoggingDisabled().withCachingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        store.put("L-restored", LotClaims.none().with(new LotRequest("D0", "S1", "L-restored")));
        ClaimedLots claimed = new ClaimedLots(store);
        assertTrue(claimed.mayBeClaimed("L-restored"), "built from what the store held");
        // Past the first capacity, so the filter is rebuilt larger from the store on the way.
        for (int i = 0; i < CLAIMED; i++) {
            String lot = "L-" + i;
            store.put(lot, LotClaims.none().with(new LotRequest("D1", "S1", lot)));
            claimed.add(lot);
        }
        assertTrue(IntStream.range(0, CLAIMED).allMatch(i -> claimed.mayBeClaimed("L-" + i)) && claimed.mayBeClaimed("L-restored"));
        long maybe = IntStream.range(0, 10_000).filter(i -> claimed.mayBeClaimed("U-" + i)).count();
        assertTrue(maybe < 300, maybe + " of 10,000 unclaimed lots said maybe (about 1 % expected)");
        ClaimedLots rebuilt = new ClaimedLots(store);
        assertTrue(IntStream.range(0, CLAIMED).allMatch(i -> rebuilt.mayBeClaimed("L-" + i)), "rebuilt from the store after a restart");
        store.close();
    }
}
