package cn.org.kczg.teams.activity.report;

import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 10: teams serve their 科创中国 pilot cities and parks first, may radiate to other regions, online too. */
@Schema(name = "ActivityPlaceKind", description = "Where an activity served, as Art. 10 counts it: one of the team's "
        + "科创中国 pilot cities or parks (PILOT), another region it radiates to (OTHER_REGION), or online only (ONLINE).")
public enum PlaceKind {
    PILOT, OTHER_REGION, ONLINE;

    public static PlaceKind of(String city, String park, boolean online, Collection<String> pilotPlaces) {
        if (online && (city == null || city.isBlank())) {
            return ONLINE;
        }
        if (pilotPlaces != null && pilotPlaces.stream().anyMatch(p -> matches(p, city) || matches(p, park))) {
            return PILOT;
        }
        return OTHER_REGION;
    }

    private static boolean matches(String pilot, String place) {
        return pilot != null && place != null && !place.isBlank()
                && (pilot.strip().contains(place.strip()) || place.strip().contains(pilot.strip()));
    }
}
