package cn.org.kczg.teams.kit.privacy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One staff read of personal data, as the data-protection officer lists it. */
@Schema(description = "One read of personal data by staff: who read which object's which personal fields, when, in "
        + "which request. The values read are never kept.")
public record PersonalDataAccessView(
        @Schema(description = "The entry's number in this service's list (ascending in time).", required = true)
        long id,
        @Schema(description = "Which service holds the entry: registration, review, activity or evaluation.",
                required = true) String area,
        @Schema(description = "When it was read.", required = true) Instant at,
        @Schema(description = "Who read it: the token's subject.", required = true) String actor,
        @Schema(description = "The reader's roles.", required = true) List<String> roles,
        @Schema(description = "The kind of object read, e.g. `lead-unit`, `application`.", required = true)
        String objectType,
        @Schema(description = "The object's id; absent when a whole list was exported.") String objectId,
        @Schema(description = "The personal fields the answer carried, as paths in it, e.g. `contact.phone`.",
                required = true) List<String> fields,
        @Schema(description = "Their kinds (NAME, PHONE, EMAIL, …: docs/personal-data.md).", required = true)
        List<String> kinds,
        @Schema(description = "GET, or the method of the request that answered them.", required = true) String method,
        @Schema(description = "The X-Request-Id of the request.") String requestId) {

    static PersonalDataAccessView of(String area, PersonalDataAccess e) {
        return new PersonalDataAccessView(e.id, area, e.occurredAt, e.actor, split(e.actorRoles), e.objectType,
                e.objectId, split(e.fields), split(e.kinds), e.method, e.requestId);
    }

    private static List<String> split(String joined) {
        return Arrays.stream(joined.split(",")).filter(s -> !s.isEmpty()).toList();
    }
}
