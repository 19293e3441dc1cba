-- The privacy statement version shown with a newsletter opt-in (issue #11), next to the consent text and its version.
-- Same labels as registrations.privacy_version: "3" is version 3 of the statement of the organisation named in
-- source_detail (ORGANISATION_FORM) or of the event's organisation (EVENT_SIGNUP); "platform-1" the platform's
-- statement (the general form and the preferences page, or an organisation without its own). Null for imports and
-- for records from before this column: no notice was shown by us.
alter table newsletter_consents add column privacy_version varchar(40);
