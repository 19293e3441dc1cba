-- Organiser notifications (mail/OrganiserNotices): which back-office account wants the notification mails of which
-- event (off by default: a row means on), and which daily summaries went out. The primary key of
-- organiser_daily_summaries is the claim: one summary per event and day, even with several instances.
create table organiser_notifications (
    account_id  bigint not null references accounts (id) on delete cascade,
    event_id    bigint not null references events (id) on delete cascade,
    created_at  timestamp with time zone not null,
    primary key (account_id, event_id)
);
create index organiser_notifications_event on organiser_notifications (event_id);

create table organiser_daily_summaries (
    event_id      bigint not null references events (id) on delete cascade,
    summary_date  date   not null,
    signups       integer not null,
    cancellations integer not null,
    sent_at       timestamp with time zone not null,
    primary key (event_id, summary_date)
);
