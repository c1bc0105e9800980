package cn.org.kczg.teams.activity.notification;

import cn.org.kczg.teams.activity.notification.NotificationDtos.NotificationView;
import cn.org.kczg.teams.kit.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each person's live notices, as Server-Sent Events. Every instance polls the notification table while someone is
 * connected to it (so a notice stored by any instance reaches a person connected to any other), broadcasts each new
 * row once, and each stream passes on the rows of its own audiences. A reconnect with {@code Last-Event-ID} first
 * replays what was stored after that id. A transaction that commits after a later one is still caught: every poll
 * also looks back over the last few seconds and skips what it broadcast already.
 */
@ApplicationScoped
public class NotificationStream {
    private static final int REPLAY_LIMIT = 200;
    private static final int BATCH = 500;
    private static final Duration LOOK_BACK = Duration.ofSeconds(10);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @ConfigProperty(name = "kczg.notifications.heartbeat", defaultValue = "5s")
    Duration heartbeat;

    record Row(String audience, NotificationView view) {
    }

    private final BroadcastProcessor<Row> live = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();
    private final Map<Long, Boolean> broadcast = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 5_000;
        }
    };
    private long last = -1;

    public Multi<OutboundSseEvent> stream(Caller caller, Long lastEventId, Sse sse) {
        Set<String> audiences = Set.copyOf(Audience.of(caller));
        start();
        List<Row> replay = lastEventId == null ? List.of() : replay(audiences, caller.subject(), lastEventId);
        Set<Long> replayed = new HashSet<>();
        replay.forEach(r -> replayed.add(r.view().id()));
        Multi<OutboundSseEvent> liveEvents = live.onOverflow().buffer(1_000)
                .filter(r -> audiences.contains(r.audience()) && !replayed.contains(r.view().id()))
                .map(r -> event(sse, r.view()));
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .map(t -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> first = Multi.createFrom().iterable(replay).map(r -> event(sse, r.view()));
        return Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(sse.newEventBuilder().comment("科创中国 notifications").build()), first,
                        Multi.createBy().merging().streams(liveEvents, beats))
                .onSubscription().invoke(s -> listeners.incrementAndGet())
                .onTermination().invoke(listeners::decrementAndGet);
    }

    @Transactional
    synchronized void start() {
        if (last < 0) {
            last = ((Number) em.createNativeQuery("select coalesce(max(id), 0) from notification").getSingleResult())
                    .longValue();
        }
    }

    @Scheduled(every = "${kczg.notifications.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    synchronized void poll() {
        if (listeners.get() == 0 || last < 0) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select n.audience, n.id, n.kind, n.title, n.body, n.link, false, n.created_at from notification n
                where n.id > :last or (n.id > :last - 1000 and n.created_at > :recent) order by n.id""")
                .setParameter("last", last).setParameter("recent", clock.instant().minus(LOOK_BACK))
                .setMaxResults(BATCH).getResultList();
        for (Object[] r : rows) {
            Row row = row(r);
            last = Math.max(last, row.view().id());
            if (broadcast.put(row.view().id(), Boolean.TRUE) == null) {
                live.onNext(row);
            }
        }
    }

    @Transactional
    List<Row> replay(Set<String> audiences, String subject, long after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select n.audience, n.id, n.kind, n.title, n.body, n.link, false, n.created_at from notification n
                where n.id > :after and n.audience in (:audiences) order by n.id""")
                .setParameter("after", after).setParameter("audiences", audiences).setMaxResults(REPLAY_LIMIT)
                .getResultList();
        return rows.stream().map(NotificationStream::row).toList();
    }

    private static Row row(Object[] r) {
        Object[] view = new Object[r.length - 1];
        System.arraycopy(r, 1, view, 0, view.length);
        return new Row((String) r[0], NotificationService.view(view));
    }

    private OutboundSseEvent event(Sse sse, NotificationView view) {
        try {
            return sse.newEventBuilder().id(String.valueOf(view.id())).name(view.kind())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(json.writeValueAsString(view)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
