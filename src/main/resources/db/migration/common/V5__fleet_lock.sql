-- One row that every fleet-wide write (imports, host edits, planner runs, reclassification) locks first, so such
-- writes run one after another across all replicas, each reading what the one before it committed.
create table fleet_lock (
    name varchar(40) not null primary key
);
insert into fleet_lock (name) values ('fleet');
