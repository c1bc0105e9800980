package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.platform.problem.Problem.FieldError;
import cn.org.kczg.teams.registration.application.ApplicationContent.Member;
import cn.org.kczg.teams.registration.application.ApplicationContent.PartnerUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a submitted application must contain (Art. 4, 6, 7, 9, 11, 12, 14): every gap, not just the first. */
public final class ApplicationCompleteness {
    private ApplicationCompleteness() {
    }

    public static List<FieldError> missing(String name, ApplicationContent c) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(name)) {
            errors.add(new FieldError("name", "is required: " + TeamNameRule.EXPECTED_SHAPE));
        }
        if (empty(c.categories())) {
            errors.add(new FieldError("categories", "name at least one of the eight Art. 11 service categories"));
        }
        if (empty(c.pilotCities())) {
            errors.add(new FieldError("pilotCities", "name at least one 科创中国 pilot city or park (Art. 10)"));
        }
        if (empty(c.keyFields())) {
            errors.add(new FieldError("keyFields", "name at least one industry field"));
        }
        require(errors, "experience", c.experience(), "state the lead unit's service experience (Art. 6)");
        require(errors, "distinctiveServices", c.distinctiveServices(), "state the distinctive services (Art. 6)");
        require(errors, "organisingCapacity", c.organisingCapacity(), "state the capacity to organise (Art. 6)");
        require(errors, "workFoundation", c.workFoundation(), "state the work foundation (Art. 9)");
        require(errors, "continuityPlan", c.continuityPlan(), "state how the work continues (Art. 9)");
        if (c.resourcesCommitted() == null || blank(c.resourcesCommitted().text())) {
            errors.add(new FieldError("resourcesCommitted.text", "state the resources committed (Art. 9, 14)"));
        }
        members(errors, c.members(), c.leaderCount());
        partnerUnits(errors, c.partnerUnits());
        handler(errors, c.handler());
        return errors;
    }

    private static void members(List<FieldError> errors, List<Member> members, long leaders) {
        if (empty(members)) {
            errors.add(new FieldError("members", "list at least one member (Art. 7)"));
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String at = "members[" + i + "].";
            if (m == null) {
                errors.add(new FieldError("members[" + i + "]", "is empty"));
                continue;
            }
            require(errors, at + "name", m.name(), "is required");
            require(errors, at + "field", m.field(), "is required");
            require(errors, at + "title", m.title(), "is required");
            require(errors, at + "affiliation", m.affiliation(), "is required");
            if (m.role() == null) {
                errors.add(new FieldError(at + "role", "is required: LEADER or MEMBER"));
            }
        }
        if (leaders != 1) {
            errors.add(new FieldError("members", "exactly one member must have role LEADER, found " + leaders));
        }
    }

    private static void partnerUnits(List<FieldError> errors, List<PartnerUnit> units) {
        if (units == null) {
            return;
        }
        for (int i = 0; i < units.size(); i++) {
            PartnerUnit u = units.get(i);
            require(errors, "partnerUnits[" + i + "].name", u == null ? null : u.name(), "is required");
            require(errors, "partnerUnits[" + i + "].duties", u == null ? null : u.duties(),
                    "state the unit's duties (Art. 14)");
        }
    }

    private static void handler(List<FieldError> errors, ApplicationContent.HandlerContact h) {
        if (h == null) {
            errors.add(new FieldError("handler", "name the person who answers the demand hall (Art. 12)"));
            return;
        }
        require(errors, "handler.name", h.name(), "is required");
        require(errors, "handler.phone", h.phone(), "is required");
        require(errors, "handler.email", h.email(), "is required");
        require(errors, "handler.userId", h.userId(), "is required: the sub of the handler's login");
    }

    private static void require(List<FieldError> errors, String field, String value, String message) {
        if (blank(value)) {
            errors.add(new FieldError(field, message));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean empty(Collection<?> values) {
        return values == null || values.isEmpty();
    }
}
