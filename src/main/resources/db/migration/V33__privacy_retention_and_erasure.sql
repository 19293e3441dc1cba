-- Privacy duties (issue 13): retention per organisation, anonymisation marks, and the daily retention job's lease.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Months after an event's end that its registrations keep their personal data; null: the platform default
-- (kennisagenda.privacy.retention-months).
alter table organisations add column retention_months integer;
alter table organisations add constraint organisations_retention_positive
    check (retention_months is null or (retention_months >= 1 and retention_months <= 120));

-- When the personal data of a row was replaced by placeholders (retention or an erasure request); null: not yet.
alter table registrations add column anonymised_at timestamp with time zone;
create index registrations_anonymised on registrations (anonymised_at);
alter table newsletter_subscribers add column anonymised_at timestamp with time zone;

-- One row per scheduled privacy job: the day it last finished and the lease of the instance running it now, so that
-- with several instances one runs it at a time and a run that dies is taken over when its lease runs out.
create table privacy_jobs (
    name           varchar(60) primary key,
    done_day       date,
    lease_until    timestamp with time zone,
    claim_token    varchar(64),
    last_run_at    timestamp with time zone,
    last_outcome   varchar(1000)
);
insert into privacy_jobs (name) values ('retention');
