create table lead_unit (
    id            uuid primary key,
    credit_code   varchar(18)  not null unique,
    name          text         not null,
    category      varchar(40)  not null,
    contact_name  text,
    contact_phone text,
    contact_email text,
    registered_at timestamptz  not null,
    registered_by text,
    version       bigint       not null default 0
);
create index lead_unit_category on lead_unit (category);
