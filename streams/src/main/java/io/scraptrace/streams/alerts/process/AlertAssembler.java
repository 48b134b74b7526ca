package io.scraptrace.streams.alerts.process;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Evidence;
import io.scraptrace.streams.alerts.model.CheckKind;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.alerts.model.Reason;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.model.VerdictSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Builds the contract Alert of a declaration from the verdicts of all its checks. */
public final class AlertAssembler {
    private AlertAssembler() {
    }

    /** The Alert of a complete verdict set, worst reason first; severity 0 and no reasons when clean. */
    public static Alert assemble(VerdictSet set, long checkedAtMillis) {
        // The LOTS verdict carries the measurement and is the last to settle, so its copy of the declaration wins.
        Verdict lots = set.verdicts().get(CheckKind.LOTS);
        Declaration d = lots.declaration();
        Measurement measured = lots.measurement();
        List<AlertReason> reasons = set.verdicts().values().stream()
                .flatMap(v -> v.reasons().stream())
                .sorted(Comparator.comparingInt(Reason::severity).reversed().thenComparing(Reason::code))
                .map(AlertAssembler::toAvro)
                .toList();
        int severity = reasons.stream().mapToInt(AlertReason::getSeverity).max().orElse(0);
        return Alert.newBuilder()
                .setDeclarationId(d.declarationId()).setExporterId(d.exporterId()).setSiteId(d.siteId())
                .setRegion(d.site().region()).setPort(d.port()).setDestination(d.destination()).setHsCode(d.hsCode())
                .setDeclaredMaterial(d.declaredMaterial()).setDeclaredGrade(d.declaredGrade()).setDeclaredMassKg(d.massKg())
                .setMeasuredGrade(measured.grade()).setMeasuredMassKg(measured.massKg())
                .setSeverity(severity).setReasons(reasons)
                .setTimestamp(Instant.ofEpochMilli(d.timestamp())).setCheckedAt(Instant.ofEpochMilli(checkedAtMillis))
                .build();
    }

    /** Whether two alerts say the same, whenever they were checked. */
    public static boolean sameVerdict(Alert a, Alert b) {
        return Alert.newBuilder(a).setCheckedAt(b.getCheckedAt()).build().equals(b);
    }

    private static AlertReason toAvro(Reason reason) {
        return AlertReason.newBuilder()
                .setCode(reason.code().name()).setSeverity(reason.severity()).setDetail(reason.detail())
                .setEvidence(Evidence.newBuilder().setIds(reason.ids()).setFigures(reason.figures()).build())
                .build();
    }
}
