package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.indicator.IndicatorSystem;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
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
    @Inject
    TransactionLocks locks;
    @ConfigProperty(name = "kczg.assessment.slice-size", defaultValue = "1000")
    int sliceSize;

    public void launch(UUID runId) {
        executor.submit(() -> run(runId));
    }

    void run(UUID runId) {
        try {
            List<UUID> teams = QuarkusTransaction.requiringNew().call(() -> {
                AssessmentRun run = ownRun(runId);
                List<UUID> ids = scoring.teamsOf(run.year);
                run.total = ids.size();
                return ids;
            });
            QuarkusTransaction.requiringNew().run(() -> scoring.computeMetricValues(runId, ownRun(runId).year));
            for (int from = 0; from < teams.size(); from += sliceSize) {
                UUID lo = teams.get(from);
                UUID hi = teams.get(Math.min(from + sliceSize, teams.size()) - 1);
                QuarkusTransaction.requiringNew().run(() -> {
                    AssessmentRun run = ownRun(runId);
                    IndicatorSystem system = IndicatorSystem.findById(run.systemId);
                    run.processed += scoring.scoreSlice(runId, run.year, lo, hi, system.gradeBands(),
                            system.feeViolationVeto);
                    run.heartbeatAt = clock.instant();
                });
            }
            QuarkusTransaction.requiringNew().run(() -> finish(runId));
        } catch (RunFencedException e) {
            LOG.warnf("assessment run %s stopped: %s", runId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "assessment run %s failed", runId);
            QuarkusTransaction.requiringNew().run(() -> {
                AssessmentRun run = AssessmentRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
                if (run != null && run.state == AssessmentRun.State.RUNNING) {
                    scoring.discardResults(runId);
                    run.state = AssessmentRun.State.FAILED;
                    run.failure = String.valueOf(e.getMessage());
                    run.finishedAt = clock.instant();
                }
            });
        }
    }

    /**
     * The fence every write of a run passes: its row, locked until the transaction ends, must still be RUNNING.
     * Whoever fails a stale run or publishes the year locks the same row first, so once they have, this run can
     * write nothing more.
     */
    private static AssessmentRun ownRun(UUID runId) {
        AssessmentRun run = AssessmentRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.state != AssessmentRun.State.RUNNING) {
            throw new RunFencedException(run == null ? "it no longer exists" : "it is " + run.state
                    + (run.failure == null ? "" : " (" + run.failure + ")"));
        }
        return run;
    }

    /** The finished run's results become the year's draft; the draft they replace goes. */
    private void finish(UUID runId) {
        int year = AssessmentRun.<AssessmentRun>findById(runId).year;
        locks.lock(AssessmentService.yearLock(year));
        AssessmentRun run = ownRun(runId);
        Assessment assessment = Assessment.findById(run.year);
        if (assessment.status == Assessment.Status.PUBLISHED) {
            throw new RunFencedException("the " + year + " assessment was published meanwhile");
        }
        if (assessment.currentRunId != null) {
            scoring.discardResults(assessment.currentRunId);
        }
        assessment.currentRunId = runId;
        run.state = AssessmentRun.State.DONE;
        run.finishedAt = clock.instant();
    }

    /** A run that lost its right to write: failed by a newer start or publication. */
    static final class RunFencedException extends RuntimeException {
        RunFencedException(String why) {
            super(why);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
