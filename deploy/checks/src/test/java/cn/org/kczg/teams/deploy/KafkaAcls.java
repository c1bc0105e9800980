package cn.org.kczg.teams.deploy;

import static cn.org.kczg.teams.deploy.Tree.list;
import static cn.org.kczg.teams.deploy.Tree.maps;
import static cn.org.kczg.teams.deploy.Tree.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Strimzi KafkaUser's ACLs (simple authorization) as Kafka's authorizer applies them: an operation on a resource
 * is allowed by an allow ACL for it, or for All; Read, Write, Delete and Alter imply Describe. The checks insist on
 * ACLs they can enumerate — literal names only (no prefix, no "*"), allow only — and on none of the operations the
 * apps never need (creating, deleting or reconfiguring topics, anything on the cluster).
 */
final class KafkaAcls {
    private static final Set<String> NEVER = Set.of("Create", "Delete", "Alter", "AlterConfigs", "DescribeConfigs",
            "ClusterAction", "IdempotentWrite", "All");

    private record Acl(String type, String name, String pattern, Set<String> operations, String effect) {
    }

    private final List<Acl> acls = new ArrayList<>();

    private KafkaAcls(Map<String, Object> user) {
        for (Map<String, Object> acl : maps(user, "spec", "authorization", "acls")) {
            Set<String> operations = new TreeSet<>();
            list(acl, "operations").forEach(o -> operations.add(String.valueOf(o)));
            acls.add(new Acl(text(acl, "resource", "type"), text(acl, "resource", "name"),
                    Objects.requireNonNullElse(text(acl, "resource", "patternType"), "literal"), operations,
                    Objects.requireNonNullElse(text(acl, "type"), "allow")));
        }
    }

    static KafkaAcls of(Map<String, Object> user) {
        return new KafkaAcls(user);
    }

    /** What these ACLs do that the apps never need, or that the checks cannot enumerate. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Acl acl : acls) {
            if (!"allow".equals(acl.effect())) {
                problems.add("a deny ACL (grant less instead): " + acl);
            }
            // transactional ids are the one prefixed resource (a producer's ids are <app>-…)
            if (!"literal".equals(acl.pattern()) && !"transactionalId".equals(acl.type()) || "*".equals(acl.name())) {
                problems.add("not a literal name: " + acl);
            }
            if ("cluster".equals(acl.type())) {
                problems.add("an ACL on the cluster: " + acl);
            }
            acl.operations().stream().filter(NEVER::contains).forEach(o -> problems.add(o + " is never needed: " + acl));
        }
        return problems;
    }

    /** The names of the resources of this type the operation is allowed on. */
    Set<String> resources(String type, String operation) {
        Set<String> names = new TreeSet<>();
        for (Acl acl : acls) {
            if (acl.type().equals(type) && "allow".equals(acl.effect()) && implies(acl.operations(), operation)) {
                names.add(acl.name());
            }
        }
        return names;
    }

    boolean allowed(String type, Collection<String> names, String operation) {
        return resources(type, operation).containsAll(names);
    }

    /** Whether a prefixed ACL allows the operation on every resource whose name starts with the prefix. */
    boolean allowsPrefix(String type, String prefix, String operation) {
        return acls.stream().anyMatch(a -> a.type().equals(type) && "prefix".equals(a.pattern())
                && prefix.startsWith(a.name()) && implies(a.operations(), operation));
    }

    private static boolean implies(Set<String> granted, String operation) {
        return granted.contains(operation) || granted.contains("All") || "Describe".equals(operation)
                && granted.stream().anyMatch(Set.of("Read", "Write", "Delete", "Alter")::contains);
    }
}
