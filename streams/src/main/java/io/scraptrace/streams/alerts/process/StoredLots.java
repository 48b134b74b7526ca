package io.scraptrace.streams.alerts.process;

import io.scraptrace.streams.alerts.model.DeclarationHeader;
import io.scraptrace.streams.alerts.model.DeclaredLot;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.rules.DeclaredLots;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The lots of one declaration as the site ledger keeps them: counts from its header, the list and
 * the answers read from their stores on first use only, and kept for the rest of one judgement.
 */
final class StoredLots implements DeclaredLots {
    private final String declarationId;
    private final DeclarationHeader header;
    private final KeyValueStore<String, List<String>> lists;
    private final KeyValueStore<String, DeclaredLot> entries;
    private List<String> all;
    private List<String> distinct;
    private List<String> answered;

    StoredLots(String declarationId, DeclarationHeader header, KeyValueStore<String, List<String>> lists,
               KeyValueStore<String, DeclaredLot> entries) {
        this.declarationId = declarationId;
        this.header = header;
        this.lists = lists;
        this.entries = entries;
    }

    /** The key of the entry for {@code lotId} of {@code declarationId}; the length prefix keeps ids containing the separator apart. */
    static String key(String declarationId, String lotId) {
        return declarationId.length() + ":" + declarationId + '|' + lotId;
    }

    @Override
    public int count() {
        return header.lotsDeclared();
    }

    @Override
    public boolean allTraceable() {
        return header.allLotsTraceable();
    }

    @Override
    public List<String> all() {
        if (all == null) {
            List<String> stored = lists.get(declarationId);
            all = stored == null ? List.of() : stored;
        }
        return all;
    }

    @Override
    public List<String> distinct() {
        if (distinct == null) {
            distinct = all().stream().distinct().toList();
        }
        return distinct;
    }

    @Override
    public List<String> answered() {
        if (answered == null) {
            answered = distinct().stream().filter(lot -> answer(lot) != null).toList();
        }
        return answered;
    }

    @Override
    public LotAnswer answer(String lotId) {
        DeclaredLot entry = entries.get(key(declarationId, lotId));
        return entry == null ? null : entry.answer();
    }
}
