package cn.org.kczg.teams.registration.window;

import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.registration.window.WindowDtos.OpenWindow;
import cn.org.kczg.teams.registration.window.WindowDtos.WindowView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/** Art. 3: the operator opens registration windows; submissions are accepted only inside one. */
@ApplicationScoped
@Transactional
public class RegistrationWindowService {
    static final String AGGREGATE = "registration-window";
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Inject
    AuditTrail audit;
    @Inject
    TransactionLocks locks;
    @Inject
    Clock clock;

    public WindowView open(Caller caller, OpenWindow request) {
        if (!request.closesAt().isAfter(request.opensAt())) {
            throw ProblemException.invalid("closesAt", Text.of("window.closes-before-opens"));
        }
        // one year's windows are checked and written one at a time, so two overlapping ones cannot both pass
        locks.lock("registration-window:" + request.year());
        RegistrationWindow.<RegistrationWindow>list("year", request.year()).stream()
                .filter(w -> w.overlaps(request.opensAt(), request.closesAt()))
                .findFirst()
                .ifPresent(w -> {
                    throw ProblemException.conflict("window-overlap", Text.of("window.overlap",
                            request.year(), BEIJING.format(w.opensAt), BEIJING.format(w.closesAt)));
                });
        RegistrationWindow window = new RegistrationWindow();
        window.id = UUID.randomUUID();
        window.year = request.year();
        window.opensAt = request.opensAt();
        window.closesAt = request.closesAt();
        window.note = request.note();
        window.createdBy = caller.subject();
        window.createdAt = clock.instant();
        window.persist();
        audit.record(caller, "registration-window.opened", AGGREGATE, window.id.toString(), request.note());
        return WindowView.of(window, clock.instant());
    }

    public Optional<WindowView> closeEarly(Caller caller, UUID id, String reason) {
        Instant now = clock.instant();
        return RegistrationWindow.<RegistrationWindow>findByIdOptional(id).map(window -> {
            if (!window.isOpenAt(now)) {
                throw ProblemException.conflict("window-not-open", Text.of("window.not-open"));
            }
            window.closesAt = now;
            window.closedEarlyAt = now;
            audit.record(caller, "registration-window.closed-early", AGGREGATE, id.toString(), reason);
            return WindowView.of(window, now);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WindowView> find(UUID id) {
        return RegistrationWindow.<RegistrationWindow>findByIdOptional(id).map(w -> WindowView.of(w, clock.instant()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WindowView> current() {
        Instant now = clock.instant();
        return RegistrationWindow.openAt(now).map(w -> WindowView.of(w, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WindowView> list(Integer year, PageRequest page) {
        Instant now = clock.instant();
        var query = year == null ? RegistrationWindow.<RegistrationWindow>findAll(page.sort())
                : RegistrationWindow.<RegistrationWindow>find("year", page.sort(), year);
        return Page.of(query, page, w -> WindowView.of(w, now));
    }

    /**
     * The year of the window open now.
     *
     * @throws ProblemException 409 saying when the next window opens, if one is scheduled
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int requireOpenWindowYear() {
        Instant now = clock.instant();
        return RegistrationWindow.openAt(now).map(w -> w.year).orElseThrow(() -> {
            Text why = RegistrationWindow.nextAfter(now)
                    .map(w -> Text.of("window.closed.next", BEIJING.format(w.opensAt), w.opensAt))
                    .orElse(Text.of("window.closed.none"));
            return ProblemException.conflict("no-open-window", why);
        });
    }
}
