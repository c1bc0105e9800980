package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.indicator.IndicatorSystem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a started assessment in the background, one slice of teams per transaction, so {@code processed} grows
 * visibly and a failure leaves the previous draft in place.
 */
@ApplicationScoped
public class AssessmentRunner {
    private static final Logger LOG = Logger.getLogger(AssessmentRunner.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "assessment-runner");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    AssessmentScoring scoring;
    @Inject
    Clock clock;
    @ConfigProperty(name = "kczg.assessment.slice-size", defaultValue = "1000")
    int sliceSize;

    public void launch(UUID runId) {
        executor.submit(() -> run(runId));
    }

    void run(UUID runId) {
        try {
            List<UUID> teams = QuarkusTransaction.requiringNew().call(() -> {
                AssessmentRun run = AssessmentRun.findById(runId);
                List<UUID> ids = scoring.teamsOf(run.year);
                run.total = ids.size();
                return ids;
            });
            QuarkusTransaction.requiringNew().run(() -> scoring.computeMetricValues(runId,
                    AssessmentRun.<AssessmentRun>findById(runId).year));
            for (int from = 0; from < teams.size(); from += sliceSize) {
                UUID lo = teams.get(from);
                UUID hi = teams.get(Math.min(from + sliceSize, teams.size()) - 1);
                QuarkusTransaction.requiringNew().run(() -> {
                    AssessmentRun run = AssessmentRun.findById(runId);
                    IndicatorSystem system = IndicatorSystem.findById(run.systemId);
                    run.processed += scoring.scoreSlice(runId, run.year, lo, hi, system.gradeBands(),
                            system.feeViolationVeto);
                    run.heartbeatAt = clock.instant();
                });
            }
            QuarkusTransaction.requiringNew().run(() -> finish(runId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "assessment run %s failed", runId);
            QuarkusTransaction.requiringNew().run(() -> {
                scoring.discardResults(runId);
                AssessmentRun run = AssessmentRun.findById(runId);
                run.state = AssessmentRun.State.FAILED;
                run.failure = String.valueOf(e.getMessage());
                run.finishedAt = clock.instant();
            });
        }
    }

    /** The finished run's results become the year's draft; the draft they replace goes. */
    private void finish(UUID runId) {
        AssessmentRun run = AssessmentRun.findById(runId);
        Assessment assessment = Assessment.findById(run.year);
        if (assessment.currentRunId != null) {
            scoring.discardResults(assessment.currentRunId);
        }
        assessment.currentRunId = runId;
        run.state = AssessmentRun.State.DONE;
        run.finishedAt = clock.instant();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
