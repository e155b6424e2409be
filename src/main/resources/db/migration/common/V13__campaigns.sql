-- Campaigns: named upgrade drives with a target per distro, a scope, sprint days and a deadline.
create sequence campaign_seq start with 1 increment by 50;

create table campaign (
    id          bigint         not null primary key,
    uid         varchar(100)   not null,
    name        varchar(200)   not null,
    targets     varchar(2000)  not null,
    scope       varchar(20000) not null,
    sprint_days varchar(4000)  not null,
    deadline    date,
    state       varchar(20)    not null,
    created_by  varchar(255)   not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    closed_at   timestamp(6) with time zone,
    version     integer        not null,
    constraint uk_campaign_uid unique (uid)
);

-- One work item per host of a campaign. open_hostname is the hostname while the campaign is open and null after:
-- its unique key keeps a host in one open campaign at most, whatever replicas race.
create sequence campaign_item_seq start with 1 increment by 100;

create table campaign_item (
    id            bigint        not null primary key,
    campaign_id   bigint        not null references campaign (id),
    hostname      varchar(253)  not null,
    distro        varchar(64),
    open_hostname varchar(253),
    state         varchar(20)   not null,
    assignee      varchar(255),
    note          varchar(2000),
    replacement   varchar(253),
    claimed_at    timestamp(6) with time zone,
    replaced_at   timestamp(6) with time zone,
    done_at       timestamp(6) with time zone,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(255)  not null,
    version       integer       not null,
    constraint uk_campaign_item unique (campaign_id, hostname),
    constraint uk_campaign_item_open unique (open_hostname)
);
create index ix_campaign_item_replacement on campaign_item (replacement);
create index ix_campaign_item_state on campaign_item (state);

-- Drafts for the team about a campaign (its sprint days, its summary) have a campaign and no window.
alter table announcement alter column window_id drop not null;
alter table announcement add column campaign_id bigint;
alter table announcement add constraint fk_announcement_campaign foreign key (campaign_id) references campaign (id);
create unique index ux_announcement_campaign_event on announcement (campaign_id, kind, window_sequence);
