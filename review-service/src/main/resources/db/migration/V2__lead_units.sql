-- projection of registration-service's lead units
create table lead_unit (
    credit_code varchar(18) primary key,
    name        text        not null,
    category    varchar(40) not null,
    updated_at  timestamptz not null
);
