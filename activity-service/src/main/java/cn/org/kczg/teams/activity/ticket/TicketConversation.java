package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.activity.ticket.TicketDtos.MessageView;
import cn.org.kczg.teams.events.activity.TicketMessagePosted;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket's conversation: the assigned team, the demand side (the partner that pushed it) and staff write; whoever
 * may see the ticket reads, except that internal messages (team and staff only) never reach the partner. A message
 * may take files its writer's side uploaded first ({@link TicketAttachments}).
 */
@ApplicationScoped
@Transactional
public class TicketConversation {
    private static final Set<TicketStatus> ENDED = Set.of(TicketStatus.CLOSED, TicketStatus.WITHDRAWN);

    @Inject
    TicketService tickets;
    @Inject
    TicketAttachments attachments;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /** {@code attachmentIds}: files the writer's side uploaded to the ticket, to go with the message (may be null). */
    public Optional<MessageView> post(Caller caller, UUID ticketId, String text, boolean internal,
            List<UUID> attachmentIds) {
        return tickets.visible(caller, ticketId).map(t -> {
            TicketMessage.Side side = sideOf(caller, t);
            if (internal && side == TicketMessage.Side.DEMAND) {
                throw ProblemException.invalid("internal", Text.of("ticket.message-internal"));
            }
            requireOpen(t, "ticket.message-ended");
            List<TicketAttachment> files = attachments.claim(t, side, attachmentIds);
            TicketMessage m = new TicketMessage();
            m.ticketId = t.id;
            m.at = clock.instant();
            m.author = caller.subject();
            m.side = side;
            m.internal = internal;
            m.text = text.strip();
            m.persist();
            files.forEach(a -> a.messageId = m.id);
            audit.record(caller, TicketMessagePosted.TYPE, "ticket", t.id.toString(), internal ? "internal" : null);
            outbox.append(new TicketMessagePosted(t.id, t.partner, t.teamId, t.teamLeadUnit, m.id, side.name(),
                    internal, m.at));
            return MessageView.of(m, files);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Page<MessageView>> list(Caller caller, UUID ticketId, PageRequest page) {
        return tickets.visible(caller, ticketId).map(t -> {
            PanacheQuery<TicketMessage> query = t.pushedBy(caller)
                    ? TicketMessage.find("ticketId = ?1 and internal = false", page.sort(), t.id)
                    : TicketMessage.find("ticketId", page.sort(), t.id);
            Page<TicketMessage> messages = Page.of(query, page, m -> m);
            Map<Long, List<TicketAttachment>> files = attachments.ofMessages(messages.items().stream()
                    .map(m -> m.id).toList());
            return new Page<>(messages.items().stream().map(m -> MessageView.of(m, files.getOrDefault(m.id,
                    List.of()))).toList(), messages.page(), messages.size(), messages.total(), messages.totalExact(),
                    messages.next());
        });
    }

    /** 409 {@code ticket-ended}: nothing more is said on a CLOSED or WITHDRAWN ticket ({@code why} says what not). */
    static void requireOpen(Ticket t, String why) {
        if (ENDED.contains(t.status)) {
            throw ProblemException.conflict("ticket-ended", Text.of(why, t.status));
        }
    }

    /** The side the caller writes for; 403 for someone who sees the ticket but is no party to it. */
    static TicketMessage.Side sideOf(Caller caller, Ticket t) {
        return partyOf(caller, t).orElseThrow(() -> ProblemException.forbidden(
                Text.of("ticket.message-not-a-party")));
    }

    /** Staff first (an operator may also be the partner of record), then the demand side, then the team. */
    static Optional<TicketMessage.Side> partyOf(Caller caller, Ticket t) {
        if (caller.is(Roles.OPERATOR)) {
            return Optional.of(TicketMessage.Side.STAFF);
        }
        if (t.pushedBy(caller)) {
            return Optional.of(TicketMessage.Side.DEMAND);
        }
        if (TicketService.mayWorkOn(caller, t)) {
            return Optional.of(TicketMessage.Side.TEAM);
        }
        return Optional.empty();
    }
}
