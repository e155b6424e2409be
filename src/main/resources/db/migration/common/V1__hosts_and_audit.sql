-- Hosts as the inventory or an admin describes them, with the classification last computed for them.
create sequence host_seq start with 1 increment by 100;

create table host (
    id                      bigint        not null primary key,
    hostname                varchar(253)  not null,
    distro                  varchar(64),
    os_version              varchar(64),
    os_from                 varchar(16),
    stateful                boolean       not null,
    replaceable             boolean       not null,
    is_public               boolean       not null,
    vars                    varchar(1000000) not null,
    source                  varchar(512)  not null,
    classification          varchar(20)   not null,
    rule                    varchar(64)   not null,
    reasons                 varchar(16000) not null,
    eol                     date,
    override_classification varchar(20),
    override_reason         varchar(2000),
    override_by             varchar(255),
    override_at             timestamp(6) with time zone,
    version                 integer       not null,
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null,
    constraint uk_host_hostname unique (hostname)
);
create index ix_host_classification on host (classification);
create index ix_host_release on host (distro, os_version);
create index ix_host_source on host (source);

create table host_service (
    host_id bigint       not null references host (id) on delete cascade,
    service varchar(128) not null,
    primary key (host_id, service)
);
create index ix_host_service_service on host_service (service);

create table host_group (
    host_id    bigint       not null references host (id) on delete cascade,
    group_name varchar(128) not null,
    primary key (host_id, group_name)
);
create index ix_host_group_name on host_group (group_name);

create table host_dependency (
    host_id  bigint       not null references host (id) on delete cascade,
    hostname varchar(253) not null,
    primary key (host_id, hostname)
);

-- Who changed what, when, from what to what.
create sequence audit_entry_seq start with 1 increment by 50;

create table audit_entry (
    id           bigint        not null primary key,
    at           timestamp(6) with time zone not null,
    actor        varchar(255)  not null,
    action       varchar(64)   not null,
    subject_type varchar(32)   not null,
    subject      varchar(512),
    before_state varchar(100000),
    after_state  varchar(100000),
    detail       varchar(4000)
);
create index ix_audit_subject on audit_entry (subject_type, subject);
create index ix_audit_at on audit_entry (at);
