package io.scraptrace.streams.alerts.model;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An export declaration with its origin site's registry status, as every alert check sees it.
 *
 * @param declarationId    key of the declaration
 * @param exporterId       who declares
 * @param siteId           origin yard
 * @param port             region code of the port of export
 * @param hsCode           declared HS code
 * @param declaredMaterial declared material
 * @param declaredGrade    declared grade code, or null
 * @param massKg           declared mass
 * @param valueJpy         declared value
 * @param destination      ISO 3166-1 alpha-2
 * @param lotIds           lots the shipment is made of, in declared order; null in a copy that does not
 *                         carry them ({@link #withoutLots()}): a bulk shipment lists thousands, and
 *                         state and verdicts that do not judge lots one by one should not grow with them
 * @param timestamp        declaration time, epoch millis
 * @param site             the origin site's registry status at arrival
 */
public record Declaration(String declarationId, String exporterId, String siteId, String port, String hsCode,
                          Material declaredMaterial, String declaredGrade, double massKg, double valueJpy,
                          String destination, List<String> lotIds, long timestamp, SiteStatus site) {
    public Declaration {
        lotIds = lotIds == null ? null : List.copyOf(lotIds);
    }

    /** The declaration joined with its origin site (null when unregistered). */
    public static Declaration of(ExportDeclaration d, Site site) {
        return new Declaration(d.getDeclarationId(), d.getExporterId(), d.getSiteId(), d.getPort(), d.getHsCode(),
                d.getDeclaredMaterial(), d.getDeclaredGrade(), d.getMassKg(), d.getValueJpy(), d.getDestination(),
                d.getLotIds(), d.getTimestamp().toEpochMilli(), SiteStatus.of(site));
    }

    /** This declaration without its lot list. */
    public Declaration withoutLots() {
        return withLots(null);
    }

    /** This declaration with {@code lots} as its lot list (null: none carried). */
    public Declaration withLots(List<String> lots) {
        return new Declaration(declarationId, exporterId, siteId, port, hsCode, declaredMaterial, declaredGrade, massKg, valueJpy,
                destination, lots, timestamp, site);
    }

    /** The UTC calendar date of the declaration, against which licences and consents are dated. */
    public LocalDate date() {
        return LocalDate.ofInstant(Instant.ofEpochMilli(timestamp), ZoneOffset.UTC);
    }
}
