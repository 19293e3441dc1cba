-- Newsletter composing (issue #10, part D): each organisation's newsletter rhythm, what every frozen issue announced
-- (so the next draft knows what is new), and which period a draft was made for (one draft per period).

-- One row per organisation that set up its newsletter. A draft is due on the weekday (ISO: 1 = Monday .. 7 = Sunday)
-- at the time of day, Europe/Amsterdam, in the week of anchor_date and, when every_other_week, every second week
-- after it: deterministic, whatever day the job happens to run. Only numeric checks (H2 2.4.240, see V9_1).
create table newsletter_settings (
    organisation_id     bigint       primary key references organisations (id) on delete cascade,
    enabled             boolean      not null,
    weekday             integer      not null check (weekday between 1 and 7),
    time_of_day         time         not null,
    every_other_week    boolean      not null,
    anchor_date         date         not null,
    weeks_ahead         integer      not null check (weeks_ahead between 1 and 26),
    auto_send           boolean      not null,
    include_materials   boolean      not null,
    material_weeks      integer      not null check (material_weeks between 1 and 26),
    -- The period (the draft day) the draft job last handled, claimed by a conditional update: one draft per period,
    -- whichever instance runs the job first.
    last_period         date,
    last_check_at       timestamp with time zone,
    last_check_outcome  varchar(500),
    updated_at          timestamp with time zone not null
);

-- The draft day a job-made issue belongs to; null for issues an organiser started by hand.
alter table newsletter_issues add column period_date date;
create unique index newsletter_issues_period on newsletter_issues (organisation_id, period_date);

-- What a frozen issue announced: the events of its upcoming section and the materials of its recent section.
create table newsletter_issue_events (
    issue_id  bigint not null references newsletter_issues (id) on delete cascade,
    event_id  bigint not null references events (id) on delete cascade,
    primary key (issue_id, event_id)
);
create index newsletter_issue_events_event on newsletter_issue_events (event_id);

create table newsletter_issue_materials (
    issue_id     bigint not null references newsletter_issues (id) on delete cascade,
    material_id  bigint not null references event_materials (id) on delete cascade,
    primary key (issue_id, material_id)
);
