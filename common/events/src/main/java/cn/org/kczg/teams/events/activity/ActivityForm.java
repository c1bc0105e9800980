package cn.org.kczg.teams.events.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 11: how a service was delivered; the first three are 会展赛 (conferences, exhibitions, competitions). */
@Schema(description = "How a service was delivered (Art. 11): CONFERENCE 会议, EXHIBITION 展览, COMPETITION 赛事 (会展赛), "
        + "TRAINING 培训, CONSULTATION 咨询, SITE_VISIT 实地走访, ONLINE 线上, OTHER 其他.")
public enum ActivityForm {
    CONFERENCE, EXHIBITION, COMPETITION, TRAINING, CONSULTATION, SITE_VISIT, ONLINE, OTHER
}
