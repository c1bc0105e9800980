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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket's conversation: the assigned team, the demand side (the partner that pushed it) and staff write; whoever
 * may see the ticket reads, except that internal messages (team and staff only) never reach the partner.
 */
@ApplicationScoped
@Transactional
public class TicketConversation {
    private static final Set<TicketStatus> ENDED = Set.of(TicketStatus.CLOSED, TicketStatus.WITHDRAWN);

    @Inject
    TicketService tickets;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public Optional<MessageView> post(Caller caller, UUID ticketId, String text, boolean internal) {
        return tickets.visible(caller, ticketId).map(t -> {
            TicketMessage.Side side = sideOf(caller, t);
            if (internal && side == TicketMessage.Side.DEMAND) {
                throw ProblemException.invalid("internal", Text.of("ticket.message-internal"));
            }
            if (ENDED.contains(t.status)) {
                throw ProblemException.conflict("ticket-ended", Text.of("ticket.message-ended", t.status));
            }
            TicketMessage m = new TicketMessage();
            m.ticketId = t.id;
            m.at = clock.instant();
            m.author = caller.subject();
            m.side = side;
            m.internal = internal;
            m.text = text.strip();
            m.persist();
            audit.record(caller, TicketMessagePosted.TYPE, "ticket", t.id.toString(), internal ? "internal" : null);
            outbox.append(new TicketMessagePosted(t.id, t.partner, t.teamId, t.teamLeadUnit, m.id, side.name(),
                    internal, m.at));
            return MessageView.of(m);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Page<MessageView>> list(Caller caller, UUID ticketId, PageRequest page) {
        return tickets.visible(caller, ticketId).map(t -> t.pushedBy(caller)
                ? Page.of(TicketMessage.find("ticketId = ?1 and internal = false", page.sort(), t.id), page,
                        MessageView::of)
                : Page.of(TicketMessage.find("ticketId", page.sort(), t.id), page, MessageView::of));
    }

    /** Staff first (an operator may also be the partner of record), then the demand side, then the team. */
    private static TicketMessage.Side sideOf(Caller caller, Ticket t) {
        if (caller.is(Roles.OPERATOR)) {
            return TicketMessage.Side.STAFF;
        }
        if (t.pushedBy(caller)) {
            return TicketMessage.Side.DEMAND;
        }
        if (TicketService.mayWorkOn(caller, t)) {
            return TicketMessage.Side.TEAM;
        }
        throw ProblemException.forbidden(Text.of("ticket.message-not-a-party"));
    }
}
