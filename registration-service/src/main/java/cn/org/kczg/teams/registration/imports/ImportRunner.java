package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.web.RequestId;
import cn.org.kczg.teams.platform.privacy.LogSafe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs a real import in the background, {@value ImportService#BATCH} rows per transaction, so a file of 10,000 rows
 * is not bound by the gateway's request timeout and its record shows the figures growing. The events it causes carry
 * the upload's request id as their correlation id. A run cut short (an error, the instance stopping) leaves the
 * batches before it in place; importing the same file again completes it, since what exists is left as it is.
 */
@ApplicationScoped
public class ImportRunner {
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "import-runner");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    ImportService service;

    public void launch(Caller caller, UUID importId, List<ImportRow> rows) {
        String correlation = RequestId.current();
        executor.submit(() -> run(caller, importId, rows, correlation));
    }

    void run(Caller caller, UUID importId, List<ImportRow> rows, String correlation) {
        try (RequestId.Scope ignored = RequestId.continuing(correlation)) {
            Set<String> seen = new HashSet<>();
            try {
                for (int from = 0; from < rows.size(); from += ImportService.BATCH) {
                    service.importBatch(caller, importId, rows.subList(from, Math.min(from + ImportService.BATCH,
                            rows.size())), seen);
                }
                service.finish(caller, importId, null);
            } catch (RuntimeException e) {
                LOG.errorf(LogSafe.redacted(e), "import %s failed", importId);
                try {
                    service.finish(caller, importId, String.valueOf(e.getMessage()));
                } catch (RuntimeException again) {
                    LOG.errorf(LogSafe.redacted(again), "import %s: could not record the failure", importId);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
