-- Sign-in sessions of the web UI, kept where every replica reads them: the cookie carries a random token, this table
-- only its SHA-256. Logging out deletes the row, so a copied cookie stops working on every replica at once.
create table web_session (
    token_hash varchar(64)  not null primary key,
    username   varchar(255) not null,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null
);
create index ix_web_session_username on web_session (username);
create index ix_web_session_expires on web_session (expires_at);
