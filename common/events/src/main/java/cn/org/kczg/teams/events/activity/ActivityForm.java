package cn.org.kczg.teams.events.activity;

/** Art. 11: how a service was delivered; the first three are 会展赛 (conferences, exhibitions, competitions). */
public enum ActivityForm {
    CONFERENCE, EXHIBITION, COMPETITION, TRAINING, CONSULTATION, SITE_VISIT, ONLINE, OTHER
}
