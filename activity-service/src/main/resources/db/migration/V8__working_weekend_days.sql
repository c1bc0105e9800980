-- 调休: the official calendar moves working days onto weekends around long holidays; those count for due times.
alter table holiday add column working boolean not null default false;
