package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.util.UUID;

/** Art. 13: a certificate was nominated, issued, refused or revoked ({@code kind} PARTICIPATION or OUTSTANDING_MEMBER). */
public record CertificateChanged(String type, UUID certificateId, UUID teamId, String kind, int year, String reason)
        implements TeamEvent {
    public static final String NOMINATED = "certificate.nominated";
    public static final String NOMINATION_REJECTED = "certificate.nomination-rejected";
    public static final String ISSUED = "certificate.issued";
    public static final String REVOKED = "certificate.revoked";

    @Override
    public String eventType() {
        return type;
    }
}
