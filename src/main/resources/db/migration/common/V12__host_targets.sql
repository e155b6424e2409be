-- Targets per host: the inventory's target_release, and the target of the open campaign the host is in.
alter table host add column target_release varchar(64);
alter table host add column campaign_target varchar(64);
