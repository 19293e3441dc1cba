-- The person's own calendar entry changes not only when the event changes (events.ical_sequence) but also when the
-- person's own part changes, e.g. another breakout session. Its SEQUENCE is the sum of both counters (plus one once
-- cancelled), so it rises with every change of either and the invite mail and the personal feed agree.
alter table registrations add column ical_sequence integer default 0 not null;
