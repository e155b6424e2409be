-- When the fleet change counter last moved: the feeds' Last-Modified, the same on every replica.
alter table change_counter add column changed_at timestamp(6) with time zone;
update change_counter set changed_at = current_timestamp;
alter table change_counter alter column changed_at set not null;
