package cn.org.kczg.teams.platform.privacy;

/** The kinds of personal information the suite stores (issue 24); {@code docs/personal-data.md} names them. */
public enum PersonalDataKind {
    /** A natural person's name. */
    NAME,
    /** A person's phone number. */
    PHONE,
    /** A person's e-mail address. */
    EMAIL,
    /** How to reach a person, as they wrote it (a phone number, an e-mail address, a name — free text). */
    CONTACT,
    /** A person's network address, kept only as a keyed hash. */
    IP_ADDRESS,
    /** A named person's institution, professional title and field. */
    AFFILIATION,
    /** The {@code sub} of a person's login: who did something, who holds something, who may act. */
    ACCOUNT_ID,
    /** What a person did as a volunteer: their role and hours (Art. 13). */
    SERVICE_RECORD
}
