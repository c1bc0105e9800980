-- review.decided per lead unit and year (Art. 19): how its applications fared, shown in the lead-unit summary
create table review_decision (
    event_id              uuid primary key,
    application_id        uuid        not null,
    lead_unit_credit_code text        not null,
    year                  int         not null,
    decision              text        not null,
    decided_at            timestamptz not null
);
create index review_decision_year on review_decision (year, lead_unit_credit_code);
