-- A person who cancels and later signs up again for the same event keeps their registration row. Their calendar
-- already holds a cancelled entry for the old UID, so the new sign-up gets a new calendar entry: the generation
-- becomes part of the registration's calendar UID.
alter table registrations add column calendar_generation integer default 0 not null;
