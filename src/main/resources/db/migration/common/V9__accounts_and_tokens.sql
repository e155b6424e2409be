-- Named people and program tokens (issue 11). Passwords are bcrypt hashes (Elytron's, in Modular Crypt Format);
-- a person signed in by single sign-on has no password here, only the provider's subject. Tokens are random and
-- only their SHA-256 is kept. The bootstrap accounts of planner.admin / planner.announcer are created at the first
-- start of a database (account.BootstrapAccounts).
create table account (
    username      varchar(64)  not null primary key,
    display_name  varchar(200) not null,
    role          varchar(16)  not null,
    password_hash varchar(100),
    enabled       boolean      not null,
    sso_subject   varchar(255),
    created_at    timestamp(6) with time zone not null,
    changed_at    timestamp(6) with time zone not null,
    version       bigint       not null,
    constraint uq_account_sso_subject unique (sso_subject)
);

create table api_token (
    name       varchar(64)  not null primary key,
    role       varchar(16)  not null,
    token_hash varchar(64)  not null,
    created_at timestamp(6) with time zone not null,
    created_by varchar(255) not null,
    constraint uq_api_token_hash unique (token_hash)
);

-- Who did it, beyond the account name: the display name, and the SSO subject of a person signed in by SSO.
alter table audit_entry add column actor_name varchar(255);
alter table audit_entry add column actor_subject varchar(255);
create index ix_audit_actor on audit_entry (actor, at);
