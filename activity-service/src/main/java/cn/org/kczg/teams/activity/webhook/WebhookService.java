package cn.org.kczg.teams.activity.webhook;

import cn.org.kczg.teams.activity.webhook.WebhookDtos.CreatedWebhook;
import cn.org.kczg.teams.activity.webhook.WebhookDtos.DeliveryView;
import cn.org.kczg.teams.activity.webhook.WebhookDtos.RegisterWebhook;
import cn.org.kczg.teams.activity.webhook.WebhookDtos.WebhookView;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Partners' webhooks on their own tickets, and the deliveries the ticket events become. */
@ApplicationScoped
@Transactional
public class WebhookService {
    @Inject
    WebhookConfig config;
    @Inject
    AuditTrail audit;
    @Inject
    TransactionLocks locks;
    @Inject
    Clock clock;

    public CreatedWebhook register(Caller caller, RegisterWebhook request) {
        String partner = partnerOf(caller);
        String url = request.url().strip();
        try {
            new CallbackAddress(config.allowLoopbackHttp(), InetAddress::getAllByName).check(url);
        } catch (CallbackAddress.Refused e) {
            throw ProblemException.invalid("url", refusal(e.refusal()));
        }
        List<String> types = new ArrayList<>();
        for (String type : request.eventTypes()) {
            String t = type.strip();
            if (!TicketEventTypes.isPattern(t)) {
                throw ProblemException.invalid("eventTypes", Text.of("webhook.event-type", t,
                        TicketEventTypes.ALL + ", " + String.join(", ", TicketEventTypes.TYPES)));
            }
            if (!types.contains(t)) {
                types.add(t);
            }
        }
        // one partner's registrations one at a time, so two at once cannot both pass the cap
        locks.lock("webhooks:" + partner);
        if (Webhook.count("partner", partner) >= config.perPartner()) {
            throw ProblemException.conflict("webhook-limit", Text.of("webhook.limit", config.perPartner()));
        }
        Webhook w = new Webhook();
        w.id = UUID.randomUUID();
        w.partner = partner;
        w.url = url;
        w.eventTypes = types;
        w.secret = WebhookSignature.newSecret();
        w.createdBy = caller.subject();
        w.createdAt = clock.instant();
        w.persist();
        audit.record(caller, "webhook.created", "webhook", w.id.toString(), url + " " + types);
        return CreatedWebhook.of(w);
    }

    private static Text refusal(CallbackAddress.Refusal refusal) {
        return switch (refusal) {
            case MALFORMED -> Text.of("webhook.url.malformed");
            case TOO_LONG -> Text.of("webhook.url.too-long", CallbackAddress.MAX_LENGTH);
            case NOT_HTTPS -> Text.of("webhook.url.not-https");
            case USER_INFO -> Text.of("webhook.url.user-info");
            case NOT_PUBLIC -> Text.of("webhook.url.not-public");
            case UNRESOLVABLE -> Text.of("webhook.url.unresolvable");
        };
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookView> list(Caller caller, PageRequest page) {
        return Page.of(Webhook.<Webhook>find("partner", page.sort(), partnerOf(caller)), page, WebhookView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebhookView> find(Caller caller, UUID id) {
        return own(caller, id).map(WebhookView::of);
    }

    /** False when there is no such webhook of the caller's; its deliveries go with it, pending ones unsent. */
    public boolean delete(Caller caller, UUID id) {
        Optional<Webhook> webhook = own(caller, id);
        webhook.ifPresent(w -> {
            WebhookDelivery.delete("webhookId", w.id);
            w.delete();
            audit.record(caller, "webhook.deleted", "webhook", w.id.toString(), w.url);
        });
        return webhook.isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Page<DeliveryView>> deliveries(Caller caller, UUID id, PageRequest page) {
        return own(caller, id).map(w -> Page.of(WebhookDelivery.<WebhookDelivery>find("webhookId", page.sort(), w.id),
                page, DeliveryView::of));
    }

    /** Back to PENDING, due now, with a new retry window; empty when the webhook or delivery is not the caller's. */
    public Optional<DeliveryView> redeliver(Caller caller, UUID id, UUID deliveryId) {
        return own(caller, id)
                .flatMap(w -> WebhookDelivery.<WebhookDelivery>find("id = ?1 and webhookId = ?2", deliveryId, w.id)
                        .<WebhookDelivery>firstResultOptional())
                .map(d -> {
                    d.status = WebhookDelivery.Status.PENDING;
                    d.attempts = 0;
                    d.firstAttemptAt = null;
                    d.nextAttemptAt = clock.instant();
                    audit.record(caller, "webhook.redelivered", "webhook", id.toString(), deliveryId.toString());
                    return DeliveryView.of(d);
                });
    }

    /**
     * A ticket event of {@code partner}'s: a PENDING delivery for each of its webhooks that wants the type, written in
     * the inbox's transaction; {@code envelope} is the message as it came from Kafka.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onTicketEvent(String partner, EventEnvelope event, String envelope) {
        Instant now = clock.instant();
        for (Webhook w : Webhook.<Webhook>list("partner", partner)) {
            if (!w.wants(event.type())) {
                continue;
            }
            WebhookDelivery d = new WebhookDelivery();
            d.id = UUID.randomUUID();
            d.webhookId = w.id;
            d.eventId = event.eventId();
            d.eventType = event.type();
            d.envelope = envelope;
            d.status = WebhookDelivery.Status.PENDING;
            d.nextAttemptAt = now;
            d.createdAt = now;
            d.persist();
        }
    }

    private static Optional<Webhook> own(Caller caller, UUID id) {
        return Webhook.<Webhook>findByIdOptional(id).filter(w -> w.partner.equals(partnerOf(caller)));
    }

    private static String partnerOf(Caller caller) {
        if (caller.partner() == null) {
            throw ProblemException.forbidden(Text.of("webhook.no-partner"));
        }
        return caller.partner();
    }
}
