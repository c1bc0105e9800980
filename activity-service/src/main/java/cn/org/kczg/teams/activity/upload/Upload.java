package cn.org.kczg.teams.activity.upload;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One file a team uploaded for a kind and period (a later upload for the same period adds a version). */
@Entity
@Table(name = "upload")
public class Upload extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UploadSchedule.Kind kind;
    @Column(nullable = false)
    public String period;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public UUID fileId;
    @Column(nullable = false)
    public String fileName;
    @Column(nullable = false)
    public String contentType;
    public long size;
    @Column(nullable = false)
    public String sha256;
    public LocalDate dueDate;
    public boolean onTime;
    public String uploadedBy;
    @Column(nullable = false)
    public Instant uploadedAt;
}
