package cn.org.kczg.teams.activity.library;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 12: an entry of the problem, project or open-source library (问题库/项目库/开源库). */
@Entity
@Table(name = "library_entry")
public class LibraryEntry extends PanacheEntityBase {
    @Schema(name = "LibraryEntryKind", description = "Which library an entry belongs to (Art. 12): the problem library "
            + "(问题库), the project library (项目库) or the open-source library (开源库).")
    public enum Kind {
        PROBLEM, PROJECT, OPEN_SOURCE
    }

    /** DRAFT → SUBMITTED → PUBLISHED | REJECTED; a rejected entry can be edited and submitted again. */
    @Schema(name = "LibraryEntryStatus", description = "Where a library entry is: DRAFT → SUBMITTED → PUBLISHED or "
            + "REJECTED; a rejected entry can be edited and submitted again.")
    public enum Status {
        DRAFT, SUBMITTED, PUBLISHED, REJECTED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(nullable = false)
    public String title;
    public String industryField;
    public String region;
    public String description;
    public String repositoryUrl;
    public String licence;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public String rejectReason;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public Instant updatedAt;
    public Instant publishedAt;
    @Version
    public long version;
}
