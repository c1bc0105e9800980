-- Issue 21: appeals of a published grade, a disqualification or a ban, and what an upheld one reversed

create table appeal (
    id                    uuid primary key,
    subject               text        not null,
    -- what is appealed: 'team-id/year' for a grade, the sanction's id for a disqualification or a ban
    subject_key           text        not null,
    team_id               uuid        not null,
    lead_unit_credit_code text        not null,
    year                  int         not null,
    sanction_id           uuid,
    reason                text        not null,
    evidence              text,
    status                text        not null,
    filed_by              text        not null,
    filed_at              timestamptz not null,
    grade_before          text,
    new_grade             text,
    decision_reason       text,
    decided_by            text,
    decided_at            timestamptz,
    row_version           bigint      not null default 0
);
-- one open appeal per subject
create unique index appeal_one_open on appeal (subject, subject_key) where status = 'OPEN';
-- GET /appeals: filed_at desc, id; a lead unit's own
create index appeal_filed on appeal (filed_at desc, id);
create index appeal_lead_unit on appeal (lead_unit_credit_code, filed_at desc, id);

alter table sanction add column disqualification_reversed_at timestamptz;
alter table sanction add column ban_lifted_at timestamptz;
