package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.registration.application.ApplicationContent.HandlerContact;
import cn.org.kczg.teams.registration.application.ApplicationContent.Member;
import java.util.List;

/** One checked line of an import file: a lead unit and one of its teams, normalised as registration stores them. */
record ImportRow(int line, Unit unit, Team team) {
    record Unit(String creditCode, String name, LeadUnitCategory category, String contactName, String contactPhone,
            String contactEmail) {
    }

    record Team(String name, String serviceContent, int year, List<ServiceCategory> categories,
            List<String> pilotCities, List<String> otherRegions, List<String> keyFields, Member leader,
            HandlerContact handler) {
    }
}
