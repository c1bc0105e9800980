package cn.org.kczg.teams.kit.json;

import cn.org.kczg.teams.kit.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** {@link InputRules#text} on every query parameter (name and value) and path segment, decoded: 400 naming it. */
public class InputRulesFilter {
    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters(true).entrySet()) {
            InputRules.text(param.getKey()).ifPresent(why -> {
                throw ProblemException.invalid("query parameter", why);
            });
            for (String value : param.getValue()) {
                InputRules.text(value).ifPresent(why -> {
                    throw ProblemException.invalid(param.getKey(), why);
                });
            }
        }
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            InputRules.text(segment.getPath()).ifPresent(why -> {
                throw ProblemException.invalid("path", why);
            });
        }
    }
}
