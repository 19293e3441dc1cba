-- Secrets shared by all application instances on one database: the key that signs CSRF tokens and sign-up
-- receipts. Created on first start when no kennisagenda.signup.secret is configured, so a form rendered by one
-- instance verifies on another.
create table app_secrets (
    name        varchar(60)   primary key,
    secret      varchar(200)  not null,
    created_at  timestamp with time zone not null
);
