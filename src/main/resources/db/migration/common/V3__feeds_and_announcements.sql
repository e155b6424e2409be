-- A fleet-wide change counter: every change feeds depend on raises it, so a feed's ETag is known before rendering.
create table change_counter (
    counter       varchar(40) not null primary key,
    current_value bigint      not null
);
insert into change_counter (counter, current_value) values ('fleet', 1);

-- Announcement drafts: one per window event (kind, window sequence, and for reminders the offset), whatever the
-- crashes or instances: the unique key makes a second write of the same event fail.
create sequence announcement_seq start with 1 increment by 50;

create table announcement (
    id              bigint        not null primary key,
    window_id       bigint        not null references maintenance_window (id),
    kind            varchar(20)   not null,
    window_sequence integer       not null,
    detail          varchar(40)   not null,
    subject         varchar(1000) not null,
    body            varchar(20000) not null,
    status          varchar(20)   not null,
    created_at      timestamp(6) with time zone not null,
    sent_at         timestamp(6) with time zone,
    sent_by         varchar(255),
    version         integer       not null,
    constraint uk_announcement_event unique (window_id, kind, window_sequence, detail)
);
create index ix_announcement_status on announcement (status, created_at);
