package cn.org.kczg.teams.evaluation.recognition;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.AFFILIATION;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Art. 18: work guidance (工作指导) the 学会服务中心 gave a team on a day; a record, never edited. */
@Entity
@Table(name = "guidance_session")
public class GuidanceSession extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public int year;
    @Column(nullable = false)
    public LocalDate givenOn;
    @Column(nullable = false)
    public String topic;
    @Column(nullable = false)
    public String content;
    @PersonalData(kind = {NAME, AFFILIATION})
    public String givenBy;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String recordedBy;
    @Column(nullable = false)
    public Instant recordedAt;
}
