package io.scraptrace.streams.alerts.process;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Evidence;
import io.scraptrace.streams.alerts.model.CheckKind;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.EvidenceStrength;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.alerts.model.PendingLots;
import io.scraptrace.streams.alerts.model.Reason;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.model.VerdictSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Builds the contract Alert of a declaration from the verdicts of all its checks. */
public final class AlertAssembler {
    /** Status of an alert whose checks have all judged. */
    public static final String JUDGED = "JUDGED";
    /** Status of a declaration still waiting for its lots (or for a check): not judged, not clean. */
    public static final String PENDING = "PENDING";

    private AlertAssembler() {
    }

    /**
     * The Alert of a complete verdict set, worst reason first; severity 0 and no reasons when clean.
     * Every reason carries the evidence strength of the declaration's grading.
     */
    public static Alert assemble(VerdictSet set, long checkedAtMillis) {
        // The LOTS verdict carries the measurement and is the last to settle, so its copy of the declaration wins.
        Verdict lots = set.verdicts().get(CheckKind.LOTS);
        Measurement measured = lots.measurement();
        io.scraptrace.avro.EvidenceStrength strength = toAvro(measured.strength());
        List<AlertReason> reasons = set.verdicts().values().stream()
                .flatMap(v -> v.reasons().stream())
                .sorted(Comparator.comparingInt(Reason::severity).reversed().thenComparing(Reason::code))
                .map(reason -> toAvro(reason, strength))
                .toList();
        int severity = reasons.stream().mapToInt(AlertReason::getSeverity).max().orElse(0);
        return base(lots.declaration(), checkedAtMillis)
                .setMeasuredGrade(measured.grade()).setMeasuredMassKg(measured.massKg())
                .setSeverity(severity).setReasons(reasons)
                .build();
    }

    /**
     * The PENDING Alert of a declaration not judged yet: no reasons, and the lots still missing and
     * when it will be judged as the latest LOTS report says (none once the lots are judged and only
     * another check is still to report).
     */
    public static Alert pending(VerdictSet set, long checkedAtMillis) {
        Verdict lots = set.verdicts().get(CheckKind.LOTS);
        Verdict any = lots != null ? lots : set.verdicts().values().iterator().next();
        Alert.Builder alert = base(any.declaration(), checkedAtMillis).setSeverity(0).setReasons(List.of()).setStatus(PENDING);
        PendingLots waiting = lots == null ? null : lots.pending();
        if (waiting != null) {
            alert.setLotsMissing(waiting.lotsMissing()).setLotsMissingCount(waiting.lotsMissingCount())
                    .setJudgeBy(waiting.judgeBy() > 0 ? Instant.ofEpochMilli(waiting.judgeBy()) : null);
        }
        return alert.build();
    }

    /** Whether two alerts say the same, whenever they were checked. */
    public static boolean sameVerdict(Alert a, Alert b) {
        return Alert.newBuilder(a).setCheckedAt(b.getCheckedAt()).build().equals(b);
    }

    private static Alert.Builder base(Declaration d, long checkedAtMillis) {
        return Alert.newBuilder()
                .setDeclarationId(d.declarationId()).setExporterId(d.exporterId()).setSiteId(d.siteId())
                .setRegion(d.site().region()).setPort(d.port()).setDestination(d.destination()).setHsCode(d.hsCode())
                .setDeclaredMaterial(d.declaredMaterial()).setDeclaredGrade(d.declaredGrade()).setDeclaredMassKg(d.massKg())
                .setTimestamp(Instant.ofEpochMilli(d.timestamp())).setCheckedAt(Instant.ofEpochMilli(checkedAtMillis))
                .setStatus(JUDGED);
    }

    private static io.scraptrace.avro.EvidenceStrength toAvro(EvidenceStrength strength) {
        return io.scraptrace.avro.EvidenceStrength.newBuilder()
                .setGradedShare(strength.gradedShare()).setUncertainShare(strength.uncertainShare())
                .setMeanConfidence(strength.meanConfidence()).setModelVersions(strength.modelVersions())
                .build();
    }

    private static AlertReason toAvro(Reason reason, io.scraptrace.avro.EvidenceStrength strength) {
        return AlertReason.newBuilder()
                .setCode(reason.code().name()).setSeverity(reason.severity()).setDetail(reason.detail())
                .setEvidence(Evidence.newBuilder().setIds(reason.ids()).setFigures(reason.figures())
                        .setBasis(reason.basis()).setStrength(strength).build())
                .build();
    }
}
