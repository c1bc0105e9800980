package cn.org.kczg.teams.kit.privacy;

import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.RequestId;
import cn.org.kczg.teams.platform.privacy.PersonalDataKind;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Issue 24: records every staff read of personal data — a successful answer of a {@link PersonalDataRead} operation
 * to an operator, reviewer or auditor — in {@code personal_data_access}. Written before the answer leaves, in a
 * transaction of its own (a read has none): the row is committed or the read fails, so no read goes unrecorded; the
 * cost is one insert. Lead units, handlers, volunteers and partners reading what is theirs are not recorded: the
 * record is of staff looking at other people's data.
 */
public class PersonalDataReads {
    static final Set<String> STAFF = Set.of(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR);

    @Inject
    CurrentCaller currentCaller;
    @Inject
    Clock clock;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo info) {
        if (info == null || info.getResourceClass() == null || response.getStatus() / 100 != 2) {
            return;
        }
        PersonalDataRead read = annotation(info);
        if (read == null) {
            return;
        }
        Caller caller = currentCaller.get();
        if (!caller.authenticated() || caller.roles().stream().noneMatch(STAFF::contains)) {
            return;
        }
        List<PersonalDataAccess> rows = rows(read, response.getEntity(), request);
        if (rows.isEmpty()) {
            return;
        }
        String roles = String.join(",", new TreeSet<>(caller.roles()));
        String requestId = RequestId.current();
        var now = clock.instant();
        for (PersonalDataAccess row : rows) {
            row.occurredAt = now;
            row.actor = caller.subject();
            row.actorRoles = roles;
            row.method = request.getMethod();
            row.requestId = requestId;
        }
        QuarkusTransaction.requiringNew().run(() -> rows.forEach(row -> row.persist()));
    }

    static List<PersonalDataAccess> rows(PersonalDataRead read, Object entity, ContainerRequestContext request) {
        List<PersonalDataAccess> rows = new ArrayList<>();
        if (read.rows() != Void.class) {
            // an export: the file is streamed after this filter, so what its rows may carry is what is recorded
            add(rows, read.type(), null, PersonalFields.declared(read.rows()));
        } else if (entity instanceof Page<?> page) {
            for (Object item : page.items()) {
                add(rows, read.type(), PersonalFields.property(item, read.id()).orElse(null), PersonalFields.of(item));
            }
        } else if (entity instanceof List<?> items) {
            for (Object item : items) {
                add(rows, read.type(), PersonalFields.property(item, read.id()).orElse(null), PersonalFields.of(item));
            }
        } else if (entity != null) {
            String id = PersonalFields.property(entity, read.id())
                    .orElseGet(() -> request.getUriInfo().getPathParameters().values().stream()
                            .flatMap(List::stream).reduce((a, b) -> b).orElse(null));
            add(rows, read.type(), id, PersonalFields.of(entity));
        }
        return rows;
    }

    private static void add(List<PersonalDataAccess> rows, String type, String id,
            Map<String, Set<PersonalDataKind>> fields) {
        if (fields.isEmpty()) {
            return;
        }
        PersonalDataAccess row = new PersonalDataAccess();
        row.objectType = type;
        row.objectId = id;
        row.fields = String.join(",", fields.keySet());
        row.kinds = "," + fields.values().stream().flatMap(Set::stream).distinct().sorted().map(Enum::name)
                .collect(Collectors.joining(",")) + ",";
        rows.add(row);
    }

    private static PersonalDataRead annotation(SimpleResourceInfo info) {
        try {
            return info.getResourceClass().getMethod(info.getMethodName(), info.parameterTypes())
                    .getAnnotation(PersonalDataRead.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
