-- One rate limiter for sign-ups, newsletter subscribing, log-in failures and password-reset requests, shared by every
-- instance on the database (web/RateLimiter): hits per bucket and key in slots of a tenth of the bucket's window.
-- Keys are SHA-256 hashes (hex) of the client address or e-mail address: no personal data in the table. A row is of
-- no use after expires_at and is deleted by a scheduled job.
create table rate_limit_hits (
    bucket      varchar(20)  not null,
    key_hash    varchar(64)  not null,
    slot_start  timestamp with time zone not null,
    hits        integer      not null,
    expires_at  timestamp with time zone not null,
    primary key (bucket, key_hash, slot_start)
);
create index rate_limit_hits_expires on rate_limit_hits (expires_at);

-- Log-in failures are counted in rate_limit_hits now (account/LoginThrottle uses web/RateLimiter). Counts in progress
-- at the upgrade are forgotten: at worst a guesser gets one more window.
drop table login_failures;
