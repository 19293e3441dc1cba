-- Indexes for a grown database (1,000 events, 200,000 registrations, 100,000 subscribers; docs/performance.md,
-- "Cost as data grows", with the query plans on PostgreSQL). PostgreSQL does not index foreign keys by itself.

-- A person's registrations across events: the personal calendar feed (calendar/CalendarFeeds) and the attendee's
-- own pages look them up by attendee. The unique (event_id, attendee_id) index starts with the event and cannot help.
create index registrations_attendee on registrations (attendee_id);

-- The back-office overview lists an organisation's events newest first, one page at a time; the administrator's
-- overview (every organisation) reads the same order from the start-time index. (events_organisation stays: H2 uses
-- it for the foreign key and refuses to drop it.)
create index events_organisation_start on events (organisation_id, starts_at);
create index events_start on events (starts_at, id);
