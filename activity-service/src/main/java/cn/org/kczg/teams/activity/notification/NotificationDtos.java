package cn.org.kczg.teams.activity.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class NotificationDtos {
    private NotificationDtos() {
    }

    @Schema(name = "Notification", description = "A notice to the caller (or to a team, lead unit or role the caller "
            + "belongs to), in Chinese, with a link path into the kczg.org.cn frontend.")
    public record NotificationView(
            @Schema(description = "The notice's id; also its SSE event id on the stream.", required = true) long id,
            @Schema(description = "What it is about, e.g. `ticket.assigned`; see GET /api/v1/notifications/preferences "
                    + "for every kind.", required = true, example = "ticket.assigned") String kind,
            @Schema(description = "One line, in Chinese.", required = true, example = "新需求工单已指派给本团队")
            String title,
            @Schema(description = "What happened and what to do, in Chinese.", required = true) String body,
            @Schema(description = "Path in the frontend to the object.", required = true, example = "/tickets/3c4d…")
            String link,
            @Schema(description = "Whether the caller has read it.", required = true) boolean read,
            @Schema(description = "When the notice was made.", required = true) Instant createdAt) {
    }

    @Schema(name = "UnreadNotifications", description = "The caller's unread count.")
    public record Unread(@Schema(description = "How many of the caller's notices are unread.", required = true)
            long unread) {
    }

    @Schema(name = "NotificationsMarkedRead", description = "What read-all did.")
    public record MarkedRead(@Schema(description = "How many notices this call marked read.", required = true)
            long marked) {
    }

    @Schema(name = "NotificationChannel", description = "IN_APP: in the list and on the stream only (the default); "
            + "EMAIL: also an e-mail at once; DIGEST: also in one e-mail a day (kczg.notifications.digest-cron).")
    public enum Channel {
        IN_APP, EMAIL, DIGEST
    }

    @Schema(name = "NotificationKindPreference", description = "How the caller is told of one kind of notice.")
    public record KindPreference(
            @Schema(description = "The kind, as notifications carry it.", required = true, example = "ticket.assigned")
            String kind,
            @Schema(description = "Its name in Chinese.", required = true, example = "工单指派") String label,
            @Schema(description = "The channel chosen (IN_APP unless chosen otherwise).", required = true)
            Channel channel) {
    }

    @Schema(name = "NotificationPreferences", description = "How the caller is told, per kind of notice.")
    public record Preferences(
            @Schema(description = "Where e-mails go; absent until the caller sets one.") String email,
            @Schema(description = "Every kind of notice, with its channel.", required = true)
            List<KindPreference> kinds) {
    }

    @Schema(name = "NotificationPreferencesUpdate", description = "The address for e-mails and the channel per kind; "
            + "kinds left out keep their channel.")
    public record UpdatePreferences(
            @Schema(description = "The address e-mails go to; required once any kind is EMAIL or DIGEST.",
                    example = "li.handler@example.org.cn") @Email @Size(max = 254) String email,
            @Schema(description = "Kind → IN_APP, EMAIL or DIGEST.", example = "{\"ticket.assigned\": \"EMAIL\"}")
            Map<String, Channel> channels) {
    }
}
