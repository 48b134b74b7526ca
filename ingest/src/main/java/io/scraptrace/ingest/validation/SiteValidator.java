package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Site;
import io.scraptrace.avro.SiteType;
import java.time.Instant;
import java.util.List;

/** Validates site registrations (CONTRACT section 3, Site). */
public final class SiteValidator implements ItemValidator<Site> {
    @Override
    public Validated<Site> validate(JsonNode item, Instant receivedAt) {
        if (!item.isObject()) {
            return Validated.invalid(List.of(Violation.NOT_AN_OBJECT));
        }
        JsonFields fields = new JsonFields(item);
        String siteId = fields.id("siteId");
        String name = fields.text("name");
        String region = fields.text("region", Geography::isRegion, "an ISO 3166-2 region code, e.g. JP-13");
        SiteType type = fields.symbol("type", SiteType.values());
        Boolean licensed = fields.bool("licensed");
        String licenseExpires = fields.optionalDate("licenseExpires");
        if (!fields.ok()) {
            return Validated.invalid(fields.violations());
        }
        return Validated.valid(new Site(siteId, name, region, type, licensed, licenseExpires));
    }
}
