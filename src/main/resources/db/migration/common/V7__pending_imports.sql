-- An inventory uploaded in the web UI, kept between its preview and the admin's "apply" (on whichever replica that
-- lands), so the file never travels back through a form field. Rows expire after an hour.
create table pending_import (
    id                varchar(36)  not null primary key,
    source            varchar(200) not null,
    file_name         varchar(255) not null,
    digest            varchar(64)  not null,
    fleet_fingerprint varchar(100) not null,
    content           text         not null,
    created_by        varchar(255) not null,
    expires_at        timestamp(6) with time zone not null
);
