package cn.org.kczg.teams.kit.privacy;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One read of personal data by staff (issue 24): who, when, which object, which fields, in which request. Append-only
 * (a database trigger refuses updates and deletes); the values read are never kept, only the fields' names.
 */
@Entity
@Table(name = "personal_data_access")
public class PersonalDataAccess extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public Instant occurredAt;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String actor;
    /** The caller's roles, comma-separated. */
    @Column(nullable = false)
    public String actorRoles;
    @Column(nullable = false)
    public String objectType;
    /** Null for an export of a whole list. */
    public String objectId;
    /** The personal fields the answer carried, comma-separated paths ({@code contact.phone}). */
    @Column(nullable = false)
    public String fields;
    /** Their kinds, comma-separated and comma-enclosed ({@code ,NAME,PHONE,}) so one kind is found by {@code like}. */
    @Column(nullable = false)
    public String kinds;
    @Column(nullable = false)
    public String method;
    public String requestId;
}
