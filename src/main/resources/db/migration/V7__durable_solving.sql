-- Durable solving (src/docs/operations.md "Durable solving"): solve jobs are db-scheduler executions on this database, so any
-- instance runs them and an instance that dies leaves its jobs to the others. The table is db-scheduler's own
-- PostgreSQL schema (16.x).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Batches: one solve per restaurant of a date, accepted together (POST /api/batches, the nightly schedule).
create table solve_batch (
    id           text        primary key,
    service_date date        not null,
    mode         text        not null,
    config       text        not null,
    origin       text        not null check (origin in ('API', 'NIGHTLY', 'CLI')),
    requested_at timestamptz not null default now()
);

alter table solve_run add column batch_id text references solve_batch (id) on delete set null;
-- A stop asked on another instance than the one running the solve: STOP (commit the best plan) or DISCARD.
alter table solve_run add column stop_request text check (stop_request in ('STOP', 'DISCARD'));
create index solve_run_by_batch on solve_run (batch_id) where batch_id is not null;
create index solve_run_active_by_day on solve_run (restaurant_id, service_date) where status in ('QUEUED', 'SOLVING');
