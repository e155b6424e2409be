-- Maintenance windows: uid is minted once and published forever; sequence counts changes subscribers should see.
create sequence maintenance_window_seq start with 1 increment by 50;

create table maintenance_window (
    id            bigint        not null primary key,
    uid           varchar(100)  not null,
    title         varchar(200)  not null,
    description   varchar(8000),
    start_at      timestamp(6) with time zone not null,
    end_at        timestamp(6) with time zone not null,
    state         varchar(20)   not null,
    sequence      integer       not null,
    overdue       boolean       not null,
    cancel_reason varchar(2000),
    started_at    timestamp(6) with time zone,
    ended_at      timestamp(6) with time zone,
    version       integer       not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    constraint uk_window_uid unique (uid),
    constraint ck_window_times check (end_at > start_at)
);
create index ix_window_state on maintenance_window (state);
create index ix_window_start on maintenance_window (start_at);

create table window_host (
    window_id bigint       not null references maintenance_window (id) on delete cascade,
    hostname  varchar(253) not null,
    primary key (window_id, hostname)
);
create index ix_window_host_hostname on window_host (hostname);

create table window_service (
    window_id bigint       not null references maintenance_window (id) on delete cascade,
    service   varchar(128) not null,
    primary key (window_id, service)
);
create index ix_window_service_service on window_service (service);

-- Freeze periods imported from iCalendar files (configured ones live in the configuration).
create sequence freeze_period_seq start with 1 increment by 50;

create table freeze_period (
    id       bigint       not null primary key,
    source   varchar(200) not null,
    summary  varchar(500) not null,
    start_at timestamp(6) with time zone not null,
    end_at   timestamp(6) with time zone not null
);
create index ix_freeze_period_source on freeze_period (source);
