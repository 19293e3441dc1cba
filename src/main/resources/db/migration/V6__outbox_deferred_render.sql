-- Deferred rendering: the transaction of a change writes only a light outbox row (kind, recipient, registration,
-- language); the sender renders subject, bodies and attachments later, in its own transaction, and stores them
-- before the first send, so every retry sends the same bytes. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.

alter table outbox_mails alter column subject drop not null;
alter table outbox_mails alter column text_body drop not null;
-- Language the mail is rendered in ("nl"/"en"), fixed when the change happened.
alter table outbox_mails add column mail_locale varchar(8);
-- When the content was rendered and stored; null = not rendered yet (the sender renders before sending).
alter table outbox_mails add column rendered_at timestamp with time zone;
-- Rows written before this migration carry their content already.
update outbox_mails set rendered_at = created_at where text_body is not null;
