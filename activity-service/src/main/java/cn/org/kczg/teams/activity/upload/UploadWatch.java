package cn.org.kczg.teams.activity.upload;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Looks for missed and soon-due uploads; each is announced once ({@code upload.overdue}, {@code upload.due-soon}). */
@ApplicationScoped
public class UploadWatch {
    @Inject
    UploadService uploads;

    @Scheduled(every = "${kczg.uploads.check-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        uploads.markOverdue();
        uploads.markDueSoon();
    }
}
