package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file in a ticket's conversation: uploaded by one side, then linked to one message of that side. */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID ticketId;
    /** The message it belongs to once linked; null until then. */
    public Long messageId;
    /** The bytes, in the {@code FileStore}. */
    @Column(nullable = false)
    public UUID fileId;
    @Column(nullable = false)
    public String fileName;
    /** Judged from the bytes, never taken from the client. */
    @Column(nullable = false)
    public String contentType;
    public long size;
    @Column(nullable = false)
    public String sha256;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String uploadedBy;
    /** The uploader's side: only that side links it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketMessage.Side side;
    @Column(nullable = false)
    public Instant createdAt;
}
