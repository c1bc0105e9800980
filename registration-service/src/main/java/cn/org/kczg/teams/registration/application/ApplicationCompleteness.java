package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.kit.problem.ProblemException.FieldText;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.registration.application.ApplicationContent.Member;
import cn.org.kczg.teams.registration.application.ApplicationContent.PartnerUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a submitted application must contain (Art. 4, 6, 7, 9, 11, 12, 14): every gap, not just the first. */
public final class ApplicationCompleteness {
    private static final Text REQUIRED = Text.of("complete.required");

    private ApplicationCompleteness() {
    }

    public static List<FieldText> missing(String name, ApplicationContent c) {
        List<FieldText> errors = new ArrayList<>();
        if (blank(name)) {
            errors.add(new FieldText("name", Text.of("complete.name", TeamNameRule.expectedShape())));
        }
        if (empty(c.categories())) {
            errors.add(new FieldText("categories", Text.of("complete.categories")));
        }
        if (empty(c.pilotCities())) {
            errors.add(new FieldText("pilotCities", Text.of("complete.pilot-cities", TeamNameRule.BRAND)));
        }
        if (empty(c.keyFields())) {
            errors.add(new FieldText("keyFields", Text.of("complete.key-fields")));
        }
        require(errors, "experience", c.experience(), Text.of("complete.experience"));
        require(errors, "distinctiveServices", c.distinctiveServices(), Text.of("complete.distinctive-services"));
        require(errors, "organisingCapacity", c.organisingCapacity(), Text.of("complete.organising-capacity"));
        require(errors, "workFoundation", c.workFoundation(), Text.of("complete.work-foundation"));
        require(errors, "continuityPlan", c.continuityPlan(), Text.of("complete.continuity-plan"));
        if (c.resourcesCommitted() == null || blank(c.resourcesCommitted().text())) {
            errors.add(new FieldText("resourcesCommitted.text", Text.of("complete.resources")));
        }
        members(errors, c.members(), c.leaderCount());
        partnerUnits(errors, c.partnerUnits());
        handler(errors, c.handler());
        return errors;
    }

    private static void members(List<FieldText> errors, List<Member> members, long leaders) {
        if (empty(members)) {
            errors.add(new FieldText("members", Text.of("complete.members")));
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String at = "members[" + i + "].";
            if (m == null) {
                errors.add(new FieldText("members[" + i + "]", Text.of("complete.member-empty")));
                continue;
            }
            require(errors, at + "name", m.name(), REQUIRED);
            require(errors, at + "field", m.field(), REQUIRED);
            require(errors, at + "title", m.title(), REQUIRED);
            require(errors, at + "affiliation", m.affiliation(), REQUIRED);
            if (m.role() == null) {
                errors.add(new FieldText(at + "role", Text.of("complete.member-role")));
            }
        }
        if (leaders != 1) {
            errors.add(new FieldText("members", Text.of("members.one-leader", leaders)));
        }
    }

    private static void partnerUnits(List<FieldText> errors, List<PartnerUnit> units) {
        if (units == null) {
            return;
        }
        for (int i = 0; i < units.size(); i++) {
            PartnerUnit u = units.get(i);
            require(errors, "partnerUnits[" + i + "].name", u == null ? null : u.name(), REQUIRED);
            require(errors, "partnerUnits[" + i + "].duties", u == null ? null : u.duties(),
                    Text.of("complete.partner-duties"));
        }
    }

    private static void handler(List<FieldText> errors, ApplicationContent.HandlerContact h) {
        if (h == null) {
            errors.add(new FieldText("handler", Text.of("complete.handler")));
            return;
        }
        require(errors, "handler.name", h.name(), REQUIRED);
        require(errors, "handler.phone", h.phone(), REQUIRED);
        require(errors, "handler.email", h.email(), REQUIRED);
        require(errors, "handler.userId", h.userId(), Text.of("complete.handler-user"));
    }

    private static void require(List<FieldText> errors, String field, String value, Text message) {
        if (blank(value)) {
            errors.add(new FieldText(field, message));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean empty(Collection<?> values) {
        return values == null || values.isEmpty();
    }
}
