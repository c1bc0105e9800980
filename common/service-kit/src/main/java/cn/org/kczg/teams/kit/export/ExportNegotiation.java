package cn.org.kczg.teams.kit.export;

import cn.org.kczg.teams.kit.audit.AuditTrailResource;
import cn.org.kczg.teams.kit.privacy.PersonalDataAccessResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Accept: text/csv} or the XLSX type on a list named in {@code kczg.exports.lists} is answered by that list's
 * {@code …/export} method: the list itself stays one JSON operation (its paging, its schema, the generated client),
 * the file comes from the same filters. Every service's audit trail is such a list too. JSON first in
 * {@code Accept}, a wildcard or no {@code Accept} answer JSON.
 */
@Provider
@PreMatching
public class ExportNegotiation implements ContainerRequestFilter {
    @ConfigProperty(name = "kczg.exports.lists")
    Optional<Set<String>> lists;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        boolean list = lists.map(l -> l.contains(path)).orElse(false) || AuditTrailResource.isTrail(path)
                || PersonalDataAccessResource.isList(path);
        if (!list || preferred(request.getAcceptableMediaTypes()).isEmpty()) {
            return;
        }
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri()).path("export").build());
    }

    /** The table format the client prefers to JSON, if any (the list is in the client's order of preference). */
    static Optional<TableFormat> preferred(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Optional.empty();
            }
            Optional<TableFormat> format = TableFormat.accepted(type.getType() + "/" + type.getSubtype());
            if (format.isPresent()) {
                return format;
            }
        }
        return Optional.empty();
    }
}
