package cn.org.kczg.teams.activity.notification;

/** A notice before it is stored: what it says, to whom, and the frontend path it links to. */
public record NoticeDraft(NoticeKind kind, String audience, String title, String body, String link) {
}
