-- Named rows that serialise one-off work between application instances sharing one database: whoever locks the
-- row (SELECT … FOR UPDATE) does the work; the others wait for that commit and then find it done.
create table app_locks (
    name  varchar(60)  primary key
);

insert into app_locks (name) values ('demo-data');
