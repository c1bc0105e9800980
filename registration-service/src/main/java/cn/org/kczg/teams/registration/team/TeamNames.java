package cn.org.kczg.teams.registration.team;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Art. 4: a name belongs to at most one pending application or live team. The {@code team_name} primary
 * key enforces it: of two submissions racing for one name, the second waits for the first's commit and
 * then finds the name taken.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TeamNames {
    @Inject
    EntityManager em;

    public void reserve(String name, UUID applicationId) {
        em.createNativeQuery("delete from team_name where application_id = :a and name <> :n")
                .setParameter("a", applicationId).setParameter("n", name).executeUpdate();
        int held = em.createNativeQuery("""
                insert into team_name (name, application_id) values (:n, :a)
                on conflict (name) do update set name = excluded.name
                where team_name.application_id = excluded.application_id""")
                .setParameter("n", name).setParameter("a", applicationId).executeUpdate();
        if (held == 0) {
            throw ProblemException.conflict("name-taken", Text.of("team.name-taken", name));
        }
    }

    public void attachTeam(UUID applicationId, UUID teamId) {
        em.createNativeQuery("update team_name set team_id = :t where application_id = :a")
                .setParameter("t", teamId).setParameter("a", applicationId).executeUpdate();
    }

    public void releaseApplication(UUID applicationId) {
        em.createNativeQuery("delete from team_name where application_id = :a")
                .setParameter("a", applicationId).executeUpdate();
    }

    public void releaseTeam(UUID teamId) {
        em.createNativeQuery("delete from team_name where team_id = :t").setParameter("t", teamId).executeUpdate();
    }

    /** A team given back its qualification takes its name again; false when another has it now. */
    public boolean reclaim(String name, UUID applicationId, UUID teamId) {
        return em.createNativeQuery("""
                insert into team_name (name, application_id, team_id) values (:n, :a, :t)
                on conflict (name) do update set team_id = excluded.team_id
                where team_name.team_id = excluded.team_id""")
                .setParameter("n", name).setParameter("a", applicationId).setParameter("t", teamId)
                .executeUpdate() == 1;
    }
}
