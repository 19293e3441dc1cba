-- Header fields a mail carries beyond From, To, Subject and Message-ID (Reply-To for organiser messages,
-- List-Unsubscribe for the newsletter), one "Name: value" per line, checked before they are stored.
alter table outbox_mails add column extra_headers varchar(4000);
