package cn.org.kczg.teams.registration.application;

import static cn.org.kczg.teams.registration.application.ApplicationStatus.APPROVED;
import static cn.org.kczg.teams.registration.application.ApplicationStatus.CHANGES_REQUESTED;
import static cn.org.kczg.teams.registration.application.ApplicationStatus.DRAFT;
import static cn.org.kczg.teams.registration.application.ApplicationStatus.REJECTED;
import static cn.org.kczg.teams.registration.application.ApplicationStatus.SUBMITTED;
import static cn.org.kczg.teams.registration.application.ApplicationStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.kit.problem.ProblemException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ApplicationStatusTest {
    private static final Set<String> LEGAL = Set.of(
            "DRAFT>SUBMITTED", "DRAFT>WITHDRAWN",
            "SUBMITTED>APPROVED", "SUBMITTED>REJECTED", "SUBMITTED>CHANGES_REQUESTED", "SUBMITTED>WITHDRAWN",
            "CHANGES_REQUESTED>SUBMITTED", "CHANGES_REQUESTED>WITHDRAWN");

    @Test
    void everyPairIsLegalExactlyWhenTheLifecycleSaysSo() {
        for (ApplicationStatus from : ApplicationStatus.values()) {
            for (ApplicationStatus to : ApplicationStatus.values()) {
                TeamApplication application = new TeamApplication();
                application.status = from;
                Executable move = () -> application.moveTo(to, Instant.EPOCH);
                boolean legal = LEGAL.contains(from + ">" + to);
                if (legal) {
                    org.junit.jupiter.api.Assertions.assertDoesNotThrow(move, from + " → " + to);
                    assertEquals(to, application.status);
                } else {
                    ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, move,
                            from + " → " + to);
                    assertEquals(409, e.status());
                    assertEquals(from, application.status);
                }
            }
        }
    }

    @Test
    void onlyDraftsAndReturnedApplicationsAreEditable() {
        assertEquals(Set.of(DRAFT, CHANGES_REQUESTED), Set.of(ApplicationStatus.values()).stream()
                .filter(ApplicationStatus::editable).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(SUBMITTED, CHANGES_REQUESTED), Set.of(ApplicationStatus.values()).stream()
                .filter(ApplicationStatus::pending).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(), APPROVED.next());
        assertEquals(Set.of(), REJECTED.next());
        assertEquals(Set.of(), WITHDRAWN.next());
    }
}
