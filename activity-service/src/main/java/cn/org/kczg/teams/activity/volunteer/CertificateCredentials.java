package cn.org.kczg.teams.activity.volunteer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Art. 13 certificates as verifiable credentials: an Open Badges 3.0 {@code OpenBadgeCredential} (W3C VC data model
 * 2.0) secured as a compact JWS ({@code application/vc+jwt}, the credential itself the payload) by the platform's
 * {@link SigningKey}; revocation is published as a signed 1EdTech revocation list that each credential's
 * {@code credentialStatus} names.
 */
@ApplicationScoped
public class CertificateCredentials {
    public static final String STATUS_PATH = "/api/v1/public/credentials/status";
    public static final String STATUS_TYPE = "1EdTechRevocationList";

    @Inject
    CredentialsConfig config;
    @Inject
    SigningKey key;
    @Inject
    Clock clock;

    public String verificationUrl(Certificate c) {
        return base() + "/api/v1/public/certificates/" + c.code;
    }

    /** The compact JWS of the certificate's credential. */
    public String credential(CertificateFacts facts) {
        return key.sign("vc+jwt", document(facts));
    }

    Map<String, Object> document(CertificateFacts facts) {
        Certificate c = facts.certificate();
        Map<String, Object> creator = new LinkedHashMap<>();
        creator.put("id", "urn:uuid:" + c.teamId);
        creator.put("type", List.of("Profile"));
        creator.put("name", c.teamName);

        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:kczg:achievement:" + c.kind.name().toLowerCase());
        achievement.put("type", List.of("Achievement"));
        achievement.put("name", facts.title());
        achievement.put("description", c.kind == Certificate.Kind.OUTSTANDING_MEMBER
                ? "“科创中国”科技服务团优秀团员（第十三条），由牵头单位推荐、平台审核。"
                : "参加“科创中国”科技服务团活动，服务时长经牵头单位确认（第十三条）。");
        achievement.put("criteria", Map.of("narrative", c.kind == Certificate.Kind.OUTSTANDING_MEMBER
                ? "牵头单位推荐并经平台运营方批准。" : "参与记录经科技服务团牵头单位确认。"));
        achievement.put("creator", creator);

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityType", "name",
                "hashed", false, "identityHash", c.holderName)));
        subject.put("name", c.holderName);
        subject.put("kind", c.kind.name());
        subject.put("year", facts.year());
        if (facts.hours() != null) {
            subject.put("hours", facts.hours());
        }
        if (facts.activityId() != null) {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("id", "urn:uuid:" + facts.activityId());
            activity.put("name", facts.activityTitle());
            activity.put("startDate", facts.activityDate() == null ? null : facts.activityDate().toString());
            activity.put("role", facts.role());
            subject.put("activity", activity);
        }
        subject.put("achievement", achievement);

        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        vc.put("id", "urn:uuid:" + c.id);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("name", facts.title());
        vc.put("issuer", issuer(c.teamName));
        vc.put("validFrom", c.issuedAt.toString());
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", Map.of("id", base() + STATUS_PATH + "#" + c.id, "type", STATUS_TYPE));
        vc.put("verificationUrl", verificationUrl(c));
        return vc;
    }

    /** The revoked certificates' credential ids, and the same list signed, for verifiers that work offline. */
    public Map<String, Object> revocationList(List<Certificate> revoked) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("id", base() + STATUS_PATH);
        list.put("type", STATUS_TYPE);
        list.put("issuer", base());
        list.put("updated", clock.instant().toString());
        list.put("revokedCredentials", revoked.stream()
                .map(c -> Map.of("id", "urn:uuid:" + c.id, "revokedAt", c.revokedAt.toString())).toList());
        Map<String, Object> answer = new LinkedHashMap<>(list);
        answer.put("jws", key.sign("JWT", list));
        return answer;
    }

    private Map<String, Object> issuer(String teamName) {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", base());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", config.issuerName());
        issuer.put("description", "为" + teamName + "签发");
        return issuer;
    }

    private String base() {
        String b = config.publicBaseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
