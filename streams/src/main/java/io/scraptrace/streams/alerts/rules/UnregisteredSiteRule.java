package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import io.scraptrace.streams.alerts.model.SiteStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UNREGISTERED_SITE: the origin is not in the site registry (severity 3), or is registered without
 * a licence or with a licence expired before the declaration date (severity 5: an unlicensed yard
 * exporting is worse than one missing from the registry).
 */
public final class UnregisteredSiteRule implements SiteRule {
    private static final int UNLICENSED_SEVERITY = 5;

    @Override
    public Optional<Reason> evaluate(SiteCheckInput input) {
        Declaration d = input.declaration();
        SiteStatus site = d.site();
        List<String> ids = List.of(d.siteId());
        if (!site.registered()) {
            return Optional.of(Reason.of(AlertCode.UNREGISTERED_SITE,
                    "origin site " + d.siteId() + " is not in the site registry", ids, Map.of()));
        }
        if (!site.licensed()) {
            return Optional.of(Reason.of(AlertCode.UNREGISTERED_SITE, UNLICENSED_SEVERITY,
                    "origin site " + d.siteId() + " is registered without a licence", ids, Map.of()));
        }
        if (site.licenseExpires() != null) {
            Optional<LocalDate> parsed = parseDate(site.licenseExpires());
            if (parsed.isEmpty()) {
                return Optional.of(Reason.of(AlertCode.UNREGISTERED_SITE, UNLICENSED_SEVERITY,
                        "licence expiry of origin site " + d.siteId() + " is not a date (" + site.licenseExpires() + "): validity unknown",
                        ids, Map.of()));
            }
            LocalDate expires = parsed.get();
            if (expires.isBefore(d.date())) {
                return Optional.of(Reason.of(AlertCode.UNREGISTERED_SITE, UNLICENSED_SEVERITY,
                        "licence of origin site " + d.siteId() + " expired on " + expires + ", before the declaration date " + d.date(),
                        ids, Map.of("daysExpired", (double) ChronoUnit.DAYS.between(expires, d.date()))));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
