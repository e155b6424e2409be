-- Each draft keeps the Message-ID it was written with (follow-ups point at it, whatever the base URL says later) and
-- the times it told the list, so later drafts name only times the list heard. Older drafts keep nulls: their
-- Message-ID is worked out as before, and times nobody recorded are never named as "was".
alter table announcement add column message_id varchar(255);
alter table announcement add column told_start timestamp(6) with time zone;
alter table announcement add column told_end timestamp(6) with time zone;
create unique index ux_announcement_message_id on announcement (message_id);
