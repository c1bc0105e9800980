create table stored_file (
    id           uuid primary key,
    content_type text   not null,
    size         bigint not null,
    sha256       varchar(64) not null,
    bytes        bytea  not null
);

create table upload_schedule (
    kind    varchar(30) primary key,
    period  varchar(20) not null,
    due_day integer     not null check (due_day between 1 and 28)
);

create table upload (
    id                    uuid primary key,
    team_id               uuid        not null,
    lead_unit_credit_code varchar(18) not null,
    kind                  varchar(30) not null,
    period                varchar(10) not null,
    title                 text        not null,
    file_id               uuid        not null references stored_file (id),
    file_name             text        not null,
    content_type          text        not null,
    size                  bigint      not null,
    sha256                varchar(64) not null,
    due_date              date,
    on_time               boolean     not null,
    uploaded_by           text,
    uploaded_at           timestamptz not null
);
create index upload_team_kind_period on upload (team_id, kind, period);

-- one upload.overdue per team, kind and period
create table upload_overdue_notice (
    team_id    uuid        not null,
    kind       varchar(30) not null,
    period     varchar(10) not null,
    noticed_at timestamptz not null,
    primary key (team_id, kind, period)
);
