-- Drafts cancelled before they were ever scheduled must not reach the feeds: remember when a window was published.
alter table maintenance_window add column published_at timestamp(6) with time zone;
update maintenance_window set published_at = created_at where state <> 'DRAFT' and (state <> 'CANCELLED' or sequence > 0);
