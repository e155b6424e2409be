-- A change reaches the hosts it starts or stops depending on, and reads who depends on a host: both look up by name.
create index ix_host_dependency_hostname on host_dependency (hostname);
