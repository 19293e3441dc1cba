-- The role check of V9 compared the column with string literals (role in (...)). H2 2.4.240 then refuses every
-- insert or update of an account from any session other than the one that created the constraint ("Check
-- constraint invalid", 23514; also with = or LIKE; numeric checks are unaffected): on H2 a log-in failed at random,
-- depending on which pooled connection took it. The same rule as a CASE expression is evaluated correctly by H2
-- and PostgreSQL alike. Write new checks on text columns this way.
alter table accounts drop constraint accounts_role;
alter table accounts add constraint accounts_role
    check ((case role when 'ADMINISTRATOR' then 1 when 'ORGANISER' then 1 when 'OBSERVER' then 1 else 0 end) = 1);
