package io.scraptrace.simulator.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.SiteType;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlantWorldTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void sameArgumentsGiveTheSameWorld() {
        assertEquals(PlantWorld.create(8, 3, true, TODAY), PlantWorld.create(8, 3, true, TODAY));
    }

    @Test
    void regularSitesSpreadOverPrefecturesWithEveryTypeAndValidLicences() {
        PlantWorld world = PlantWorld.create(8, 3, false, TODAY);
        assertEquals(8, world.sites().size());
        assertEquals(8, Set.copyOf(world.siteIds()).size(), "ids unique");
        Set<String> regions = Prefecture.ALL.stream().map(Prefecture::region).collect(Collectors.toSet());
        Set<SiteType> types = EnumSet.noneOf(SiteType.class);
        for (PlantSite site : world.sites()) {
            assertTrue(site.siteId().matches("S-[A-Z]{3}-\\d{2}"), site.siteId());
            assertTrue(regions.contains(site.region()), site.region());
            assertTrue(site.registered() && !site.anomalous() && site.site().getLicensed());
            assertTrue(LocalDate.parse(site.site().getLicenseExpires()).isAfter(TODAY.plusDays(300)));
            types.add(site.site().getType());
        }
        assertEquals(EnumSet.allOf(SiteType.class), types);
        assertEquals(Prefecture.ALL.size(), world.sites().stream().map(PlantSite::region).distinct().count());
    }

    @Test
    void siteTypesDecideTheMaterialsProduced() {
        GradeCatalogue catalogue = GradeCatalogue.get();
        for (PlantSite site : PlantWorld.create(8, 5, true, TODAY).sites()) {
            Set<Material> materials = site.gradeMix().keySet().stream().map(catalogue::materialOf).collect(Collectors.toSet());
            assertFalse(materials.contains(Material.UNKNOWN), "grade codes exist in the catalogue");
            assertEquals(site.site().getType() == SiteType.BATTERY_RECYCLER, materials.equals(Set.of(Material.BLACK_MASS)),
                    site.siteId() + " " + materials);
        }
    }

    @Test
    void anomaliesAddOneUnknownOneUnlicensedAndOneExpiredSiteAndANearExpiry() {
        PlantWorld world = PlantWorld.create(4, 3, true, TODAY);
        List<PlantSite> problems = world.sites().stream().filter(PlantSite::anomalous).toList();
        assertEquals(3, problems.size());
        assertEquals(1, problems.stream().filter(s -> !s.registered()).count());
        assertEquals(1, problems.stream().filter(s -> s.registered() && !s.site().getLicensed()).count());
        assertEquals(1, problems.stream().filter(s -> s.registered() && s.site().getLicensed()
                && LocalDate.parse(s.site().getLicenseExpires()).isBefore(TODAY)).count());
        LocalDate nearest = LocalDate.parse(world.sites().get(0).site().getLicenseExpires());
        assertTrue(nearest.isAfter(TODAY) && nearest.isBefore(TODAY.plusDays(30)), "first site's licence runs out soon");
    }

    @Test
    void refusesAnEmptyWorld() {
        assertThrows(IllegalArgumentException.class, () -> PlantWorld.create(0, 1, false, TODAY));
    }
}
