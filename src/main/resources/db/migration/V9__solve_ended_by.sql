-- Why each solve ended (BOUND, NO_GAIN, LIMIT, TIME_LIMIT, STOPPED); null for a solve that did not end by solving.
-- state_after: the fingerprint of the day as a committed solve left it (DayState), so that a solve of the same,
-- unchanged day is answered from it at once.
alter table solve_run
    add column ended_by    text check (ended_by in ('BOUND', 'NO_GAIN', 'LIMIT', 'TIME_LIMIT', 'STOPPED')),
    add column state_after text;
create index solve_run_day_committed on solve_run (restaurant_id, service_date, finished_at desc)
    where status = 'COMMITTED';
