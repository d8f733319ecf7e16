-- solve_run from the start: a row at submission (QUEUED), updated to SOLVING and to its end, with the full result
-- (assignments and unseated bookings with reasons) so any instance answers GET /api/solves/{id} from the database.
alter table solve_run add column result jsonb;
create index solve_run_unfinished on solve_run (status) where status in ('QUEUED', 'SOLVING');
create index solve_run_by_finish on solve_run (finished_at);
