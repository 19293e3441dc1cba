-- Hybrid events: the attendance mode (on site / online) becomes a first-class attribute of a registration, with a
-- capacity, counters and waiting list per mode. events.capacity stays the capacity of the place (on site; for an
-- online event the whole event); online_capacity is the online capacity of a hybrid event (null: unlimited).
-- confirmed_count/waitlisted_count keep counting every registration; the online_* counters count the online subset,
-- so the on-site numbers are the difference.
alter table events add column online_capacity integer;
alter table events add column online_confirmed_count integer default 0 not null;
alter table events add column online_waitlisted_count integer default 0 not null;

alter table registrations add column attendance_mode varchar(20) default 'ON_SITE' not null;

-- Online events: everyone takes part online.
update registrations set attendance_mode = 'ONLINE'
 where event_id in (select id from events where format = 'ONLINE');

-- Hybrid events asked for the mode with a form field of their own (a choice with an option "Online", e.g. the demo's
-- "Hoe doe je mee?"). Its answer becomes the mode; the field and its answers go, the form asks it itself now.
update registrations set attendance_mode = 'ONLINE'
 where event_id in (select id from events where format = 'HYBRID')
   and exists (select 1 from registration_answers a
                 join form_fields f on f.field_key = a.field_key and f.event_id = registrations.event_id
                where a.registration_id = registrations.id
                  and f.field_type = 'SELECT'
                  and exists (select 1 from form_field_options o
                               where o.form_field_id = f.id and lower(o.option_value) like 'online%')
                  and lower(a.answer) like 'online%');

delete from registration_answers
 where exists (select 1 from registrations r
                 join events e on e.id = r.event_id and e.format = 'HYBRID'
                 join form_fields f on f.event_id = e.id and f.field_key = registration_answers.field_key
                where r.id = registration_answers.registration_id
                  and f.field_type = 'SELECT'
                  and exists (select 1 from form_field_options o
                               where o.form_field_id = f.id and lower(o.option_value) like 'online%'));

delete from form_fields
 where field_type = 'SELECT'
   and event_id in (select id from events where format = 'HYBRID')
   and exists (select 1 from form_field_options o
                where o.form_field_id = form_fields.id and lower(o.option_value) like 'online%');

-- The online counters, from the registrations as they now are.
update events set
    online_confirmed_count = (select count(*) from registrations r
                               where r.event_id = events.id and r.attendance_mode = 'ONLINE'
                                 and r.status = 'CONFIRMED'),
    online_waitlisted_count = (select count(*) from registrations r
                                where r.event_id = events.id and r.attendance_mode = 'ONLINE'
                                  and r.status = 'WAITLISTED');
