package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A demand-hall ticket (需求): what a partner system pushed, and its way through a team. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The partner system that pushed it ({@code partner} claim), or {@code operator}. */
    @Column(nullable = false)
    public String partner;
    @Column(nullable = false)
    public String externalId;
    public String idempotencyKey;
    @Column(nullable = false)
    public String projectName;
    @Column(nullable = false)
    public String industryField;
    public String background;
    public String technicalProblems;
    public String expectedTargets;
    @Column(nullable = false)
    public String region;
    @Column(nullable = false)
    public String demandSideName;
    public String demandSideCreditCode;
    @PersonalData(kind = {NAME, PHONE, EMAIL})
    @Convert(converter = TicketContactCipher.class)
    public TicketDtos.Contact contact;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> categories;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> keywords;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;
    public UUID teamId;
    public String teamName;
    public String teamLeadUnit;
    public Instant assignedAt;
    public Instant acceptedAt;
    public Instant firstResponseDue;
    public Instant resolutionDue;
    public Instant pausedAt;
    public boolean firstResponseOverdue;
    public boolean resolutionOverdue;
    @JdbcTypeCode(SqlTypes.JSON)
    public TicketDtos.Answer answer;
    /** The demand side's rating once resolved (1–5), with its comment; set once. */
    public Integer ratingScore;
    public String ratingComment;
    public Instant ratedAt;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    /** Moves to {@code target} or explains, as a 409, why it cannot; returns where it came from. */
    /** Back in the pool: no team, no due times. */
    public void leaveTeam() {
        teamId = null;
        teamName = null;
        teamLeadUnit = null;
        firstResponseDue = null;
        resolutionDue = null;
    }

    /** The caller speaks for the partner system that pushed this ticket: its demand side. */
    public boolean pushedBy(Caller caller) {
        return caller.partner() != null && caller.partner().equals(partner);
    }

    public TicketStatus moveTo(TicketStatus target, Instant when) {
        if (!status.next().contains(target)) {
            throw ProblemException.conflict("illegal-transition", Text.of("ticket.illegal-transition", status, target,
                    status.next().isEmpty() ? Text.of("ticket.next.none") : status.next()));
        }
        TicketStatus from = status;
        status = target;
        updatedAt = when;
        return from;
    }
}
