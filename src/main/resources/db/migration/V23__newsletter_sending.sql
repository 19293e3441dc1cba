-- Newsletter sending (issue #10, part E). Each recipient of an issue is one row of the durable outbox
-- (kind NEWSLETTER_ISSUE) that names the issue and the subscriber: the pair is unique, so expanding the audience
-- twice (a restart, two instances) can never make a second delivery for one subscriber. The rows stay light (no
-- stored body): the frozen edition plus the subscriber's links give the same bytes on every attempt.
-- The ordinary outbox sender leaves these rows alone; the newsletter sender claims them (docs/newsletter.md, "Sending").
alter table outbox_mails add column newsletter_issue_id bigint references newsletter_issues (id);
alter table outbox_mails add column newsletter_subscriber_id bigint
    references newsletter_subscribers (id) on delete set null;
create unique index outbox_mails_newsletter_delivery on outbox_mails (newsletter_issue_id, newsletter_subscriber_id);
-- Claims and progress read one issue's rows by status, in id order.
create index outbox_mails_newsletter_status on outbox_mails (newsletter_issue_id, status, id);

-- How far the audience of an issue has been expanded into outbox rows (subscriber ids in ascending order), and the
-- moments of the send. One row per issue that started sending.
create table newsletter_sends (
    issue_id        bigint primary key references newsletter_issues (id) on delete cascade,
    -- Highest subscriber id expanded so far; expansion continues after it.
    expanded_up_to  bigint  default 0 not null,
    expansion_done  boolean default false not null,
    -- Audience counted when the send started (for the progress bar until the expansion is done).
    audience_at_start  integer default 0 not null,
    started_at      timestamp with time zone not null,
    paused_at       timestamp with time zone,
    finished_at     timestamp with time zone
);

-- One send rate for all instances together: a token bucket in the database. Each sender reserves the next free
-- send slots with a locked read and an update of this single row; a cap per clock hour on top.
create table newsletter_send_rate (
    id            integer primary key,
    next_slot_at  timestamp with time zone not null,
    hour_start    timestamp with time zone not null,
    hour_count    integer default 0 not null,
    constraint newsletter_send_rate_count_positive check (hour_count >= 0)
);
insert into newsletter_send_rate (id, next_slot_at, hour_start, hour_count)
values (1, timestamp with time zone '2000-01-01 00:00:00+00', timestamp with time zone '2000-01-01 00:00:00+00', 0);
