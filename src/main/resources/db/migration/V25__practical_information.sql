-- Practical information of an event (issue #11): what it costs, in which language it is held, how accessible the
-- venue and the online session are, how to get there, accreditation and a privacy line. Texts have an optional
-- English version like the other event texts. cost_amount null = free of charge.
alter table events add column cost_amount numeric(8, 2);
alter table events add column cost_includes varchar(500);
alter table events add column cost_includes_en varchar(500);
-- "nl", "en" or "nl,en" (both languages)
alter table events add column event_languages varchar(20) default 'nl' not null;
alter table events add column venue_accessibility varchar(2000);
alter table events add column venue_accessibility_en varchar(2000);
alter table events add column live_captions boolean default false not null;
alter table events add column sign_language boolean default false not null;
alter table events add column online_accessibility varchar(2000);
alter table events add column online_accessibility_en varchar(2000);
alter table events add column route_info varchar(2000);
alter table events add column route_info_en varchar(2000);
alter table events add column accreditation varchar(1000);
alter table events add column accreditation_en varchar(1000);
alter table events add column privacy_note varchar(1000);
alter table events add column privacy_note_en varchar(1000);
alter table events add constraint events_cost_not_negative check (cost_amount is null or cost_amount >= 0);
