package io.scraptrace.ingest.intake;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.Label;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Site;
import io.scraptrace.ingest.validation.ExportValidator;
import io.scraptrace.ingest.validation.FrameValidator;
import io.scraptrace.ingest.validation.LabelValidator;
import io.scraptrace.ingest.validation.ReadingValidator;
import io.scraptrace.ingest.validation.SiteValidator;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.topics.Topics;

/**
 * The kinds of record ingest accepts. Readings and frames carry the plant's {@code eventId}
 * idempotency key and labels their {@code labelId}; declarations are keyed by {@code declarationId}
 * and sites by {@code siteId}, where a resend is an update (sites are compacted), so they are not
 * deduplicated here. Labels are keyed by {@code lotId} like the readings they label.
 */
public final class RecordKinds {
    private final RecordKind<Reading> readings;
    private final RecordKind<Frame> frames;
    private final RecordKind<ExportDeclaration> exports;
    private final RecordKind<Site> sites;
    private final RecordKind<Label> labels;

    /**
     * @param topics        topic registry
     * @param maxFrameBytes largest frame image accepted
     */
    public RecordKinds(Topics topics, int maxFrameBytes) {
        readings = new RecordKind<>("reading", topics.readings, new ReadingValidator(),
                Reading::getLotId, Reading::getSiteId, Reading::getEventId);
        frames = new RecordKind<>("frame", topics.frames, new FrameValidator(maxFrameBytes),
                Frame::getLotId, Frame::getSiteId, Frame::getEventId);
        exports = new RecordKind<>("export", topics.exports, new ExportValidator(GradeCatalogue.get()),
                ExportDeclaration::getDeclarationId, ExportDeclaration::getSiteId, null);
        sites = new RecordKind<>("site", topics.sites, new SiteValidator(), Site::getSiteId, Site::getSiteId, null);
        labels = new RecordKind<>("label", topics.labels, new LabelValidator(GradeCatalogue.get()),
                Label::getLotId, Label::getSiteId, Label::getLabelId);
    }

    public RecordKind<Reading> readings() {
        return readings;
    }

    public RecordKind<Frame> frames() {
        return frames;
    }

    public RecordKind<ExportDeclaration> exports() {
        return exports;
    }

    public RecordKind<Site> sites() {
        return sites;
    }

    public RecordKind<Label> labels() {
        return labels;
    }
}
