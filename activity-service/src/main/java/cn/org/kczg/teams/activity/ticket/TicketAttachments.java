package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.activity.ticket.TicketDtos.AttachmentView;
import cn.org.kczg.teams.activity.upload.FileIntake;
import cn.org.kczg.teams.activity.upload.FileStore;
import cn.org.kczg.teams.activity.upload.FileType;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.jpa.SpecHints;

/**
 * Files in a ticket's conversation. A party uploads a file to the ticket (checked like periodic uploads: type from
 * its bytes, PDF, office documents, ZIP or images, at most {@code kczg.tickets.attachment-max-bytes}), then links it
 * to one message its side writes; from then on exactly those who see the message see the file. Until linked, only
 * the uploader's side sees it, and after {@code kczg.tickets.unlinked-attachment-keep} it is purged.
 */
@ApplicationScoped
@Transactional
public class TicketAttachments {
    public static final int PER_MESSAGE = 5;
    private static final String ADDED = "ticket.attachment-added";

    @Inject
    TicketService tickets;
    @Inject
    FileIntake intake;
    @Inject
    FileStore files;
    @Inject
    AuditTrail audit;
    @Inject
    TicketAttachmentConfig config;
    @Inject
    Clock clock;

    /** Checks and keeps the file, not yet linked; empty when the ticket is not the caller's to see. */
    public Optional<AttachmentView> add(Caller caller, UUID ticketId, String fileName, Path file) {
        return tickets.visible(caller, ticketId).map(t -> {
            TicketMessage.Side side = TicketConversation.sideOf(caller, t);
            TicketConversation.requireOpen(t, "ticket.attachment-ended");
            FileIntake.CheckedFile checked = intake.check(file, fileName, config.attachmentMaxBytes().asLongValue(),
                    FileType.DOCUMENTS_AND_IMAGES);
            TicketAttachment a = new TicketAttachment();
            a.id = UUID.randomUUID();
            a.ticketId = t.id;
            a.fileId = intake.store(checked);
            a.fileName = checked.name();
            a.contentType = checked.type().contentType;
            a.size = checked.size();
            a.sha256 = checked.sha256();
            a.uploadedBy = caller.subject();
            a.side = side;
            a.createdAt = clock.instant();
            a.persist();
            audit.record(caller, ADDED, "ticket", t.id.toString(), a.id + " " + a.sha256);
            return AttachmentView.of(a);
        });
    }

    /**
     * The attachments a message of {@code side} on {@code t} takes, locked until the message is written: 400 naming
     * {@code attachments} for an id listed twice or one that is not an attachment of this side on this ticket, 409
     * {@code attachment-linked} for one another message took.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<TicketAttachment> claim(Ticket t, TicketMessage.Side side, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        var seen = new HashSet<UUID>();
        for (UUID id : ids) {
            if (!seen.add(id)) {
                throw ProblemException.invalid("attachments", Text.of("ticket.attachment-repeated", id));
            }
        }
        Map<UUID, TicketAttachment> found = TicketAttachment.<TicketAttachment>find("id in ?1", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .collect(Collectors.toMap(a -> a.id, a -> a));
        for (UUID id : ids) {
            TicketAttachment a = found.get(id);
            if (a == null || !a.ticketId.equals(t.id) || a.side != side) {
                throw ProblemException.invalid("attachments", Text.of("ticket.attachment-unknown", id));
            }
            if (a.messageId != null) {
                throw ProblemException.conflict("attachment-linked", Text.of("ticket.attachment-linked", id));
            }
        }
        return ids.stream().map(found::get).sorted(FIRST_UPLOADED).toList();
    }

    /**
     * The attachment, when the caller sees it: a linked one with its message (the partner never an internal
     * message's), an unlinked one only its uploader's side.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TicketAttachment> visible(Caller caller, UUID ticketId, UUID attachmentId) {
        return tickets.visible(caller, ticketId).flatMap(t -> TicketAttachment
                .<TicketAttachment>findByIdOptional(attachmentId)
                .filter(a -> a.ticketId.equals(t.id))
                .filter(a -> a.messageId == null
                        ? TicketConversation.partyOf(caller, t).filter(side -> side == a.side).isPresent()
                        : !(t.pushedBy(caller) && TicketMessage.<TicketMessage>findById(a.messageId).internal)));
    }

    /** The size of the attachment's stored file, empty when the file is gone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalLong fileSize(TicketAttachment a) {
        return files.size(a.fileId);
    }

    /** Streams the file to {@code out}, outside any transaction (a slow client holds no connection). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void copyFile(TicketAttachment a, OutputStream out) throws IOException {
        files.copyTo(a.fileId, out);
    }

    /** The attachments of these messages, by message, first uploaded first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<Long, List<TicketAttachment>> ofMessages(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return TicketAttachment.<TicketAttachment>list("messageId in ?1", messageIds).stream().sorted(FIRST_UPLOADED)
                .collect(Collectors.groupingBy(a -> a.messageId, Collectors.toList()));
    }

    /**
     * Removes up to {@code limit} attachments no message took within the keep time, with their files. Rows a message
     * is linking right now are locked and passed over (SKIP LOCKED), so a purge never takes a file being linked.
     */
    public int purgeUnlinked(int limit) {
        List<TicketAttachment> stale = TicketAttachment.<TicketAttachment>find(
                "messageId is null and createdAt < ?1 order by createdAt",
                clock.instant().minus(config.unlinkedAttachmentKeep()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2)
                .page(0, limit).list();
        if (stale.isEmpty()) {
            return 0;
        }
        TicketAttachment.delete("id in ?1", stale.stream().map(a -> a.id).toList());
        files.delete(stale.stream().map(a -> a.fileId).toList());
        return stale.size();
    }

    private static final Comparator<TicketAttachment> FIRST_UPLOADED = Comparator
            .comparing((TicketAttachment a) -> a.createdAt).thenComparing(a -> a.id);
}
