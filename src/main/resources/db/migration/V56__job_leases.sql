-- One row per scheduled job (jobs.JobLeaseStore): the instance that holds the job until leased_until, and
-- when it last started and finished. An instance runs a job only after taking its lease with one
-- conditional UPDATE (or the first INSERT), so with several instances on one database each run happens once.
create table job_lease (
    name           varchar(64)  not null primary key,
    holder         varchar(64)  not null,
    leased_until   datetime(6)  not null,
    last_started   datetime(6),
    last_finished  datetime(6)
);
