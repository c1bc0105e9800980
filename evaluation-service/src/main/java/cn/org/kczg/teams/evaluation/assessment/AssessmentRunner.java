package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.indicator.IndicatorSystem;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.platform.privacy.LogSafe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
    @Inject
    AssessmentConfig config;
    @Inject
    MeterRegistry registry;

    /** Per year, the progress of the last run this instance ran: what {@code kczg_assessment_run_*} show. */
    private final Map<Integer, Progress> progress = new ConcurrentHashMap<>();

    public void launch(UUID runId) {
        executor.submit(() -> run(runId));
    }

    void run(UUID runId) {
        Progress gauges = null;
        try {
            Start start = QuarkusTransaction.requiringNew().call(() -> {
                AssessmentRun run = ownRun(runId);
                List<UUID> ids = scoring.teamsOf(run.year);
                run.total = ids.size();
                return new Start(run.year, ids);
            });
            List<UUID> teams = start.teams();
            gauges = progressOf(start.year());
            gauges.started(teams.size());
            QuarkusTransaction.requiringNew().run(() -> scoring.computeMetricValues(runId, ownRun(runId).year));
            for (int from = 0; from < teams.size(); from += config.sliceSize()) {
                UUID lo = teams.get(from);
                UUID hi = teams.get(Math.min(from + config.sliceSize(), teams.size()) - 1);
                int processed = QuarkusTransaction.requiringNew().call(() -> {
                    AssessmentRun run = ownRun(runId);
                    IndicatorSystem system = IndicatorSystem.findById(run.systemId);
                    run.processed += scoring.scoreSlice(runId, run.year, lo, hi, system.gradeBands(),
                            system.feeViolationVeto);
                    run.heartbeatAt = clock.instant();
                    return run.processed;
                });
                gauges.scored.set(processed);
            }
            QuarkusTransaction.requiringNew().run(() -> finish(runId));
        } catch (RunFencedException e) {
            LOG.warnf("assessment run %s stopped: %s", runId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(LogSafe.redacted(e), "assessment run %s failed", runId);
            QuarkusTransaction.requiringNew().run(() -> {
                AssessmentRun run = AssessmentRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
                if (run != null && run.state == AssessmentRun.State.RUNNING) {
                    scoring.discardResults(runId);
                    run.state = AssessmentRun.State.FAILED;
                    run.failure = String.valueOf(e.getMessage());
                    run.finishedAt = clock.instant();
                }
            });
        } finally {
            if (gauges != null) {
                gauges.running.set(0);
            }
        }
    }

    private record Start(int year, List<UUID> teams) {
    }

    /** Teams a year's run scores, teams scored so far (both as the run's row says), and whether it is running. */
    private static final class Progress {
        final AtomicInteger teams = new AtomicInteger();
        final AtomicInteger scored = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();

        void started(int total) {
            teams.set(total);
            scored.set(0);
            running.set(1);
        }
    }

    /**
     * The year's gauges, registered with its first run here: {@code kczg_assessment_run_teams}, {@code _teams_scored}
     * and {@code _running}, labelled by year (one series per year assessed, not per run). A run fenced before it
     * began leaves them as the last run that did begin left them.
     */
    private Progress progressOf(int year) {
        return progress.computeIfAbsent(year, y -> {
            Progress p = new Progress();
            String label = String.valueOf(y);
            Gauge.builder("kczg.assessment.run.teams", p.teams, AtomicInteger::get).tag("year", label)
                    .description("Teams the year's last assessment run on this instance scores").register(registry);
            Gauge.builder("kczg.assessment.run.teams.scored", p.scored, AtomicInteger::get).tag("year", label)
                    .description("Teams the year's last assessment run on this instance has scored so far")
                    .register(registry);
            Gauge.builder("kczg.assessment.run.running", p.running, AtomicInteger::get).tag("year", label)
                    .description("1 while the year's assessment runs on this instance, else 0").register(registry);
            return p;
        });
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
