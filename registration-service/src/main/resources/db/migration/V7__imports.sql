-- Issue 21: bulk imports of existing lead units and teams (CSV or XLSX), each run kept with its figures
create table data_import (
    id                   uuid primary key,
    dry_run              boolean     not null,
    status               varchar(20) not null,
    file_name            text,
    file_format          varchar(10) not null,
    file_sha256          varchar(64) not null,
    rows                 integer     not null,
    valid                integer     not null,
    problems             integer     not null,
    lead_units_created   integer     not null default 0,
    teams_created        integer     not null default 0,
    lead_units_unchanged integer     not null default 0,
    teams_unchanged      integer     not null default 0,
    failure              text,
    created_by           text,
    created_at           timestamptz not null,
    -- when a batch last committed: a RUNNING import without one for a while was cut short (its instance stopped)
    progress_at          timestamptz,
    finished_at          timestamptz
);
-- GET /imports: default createdAt,desc
create index data_import_created on data_import (created_at desc, id);
