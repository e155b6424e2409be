-- Runs after every migration, so it holds for databases created before it too; the setting is persistent.
-- WRITE_DELAY 0: H2 writes each commit to the file before the commit returns (its default keeps committed changes in
-- memory for up to half a second, and a kill -9 then loses answers already given).
SET WRITE_DELAY 0;
