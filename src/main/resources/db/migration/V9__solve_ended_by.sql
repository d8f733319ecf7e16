-- Why each solve ended (BOUND, NO_GAIN, LIMIT, TIME_LIMIT, STOPPED); null for a solve that did not end by solving.
-- state_after: the fingerprint of the day as a committed solve left it (DayState), so that a solve of the same,
-- unchanged day is answered from it at once. blockers: the full lists of blockers of the unseated bookings that have
-- more than the answer shows (GET /api/solves/{id}/unseated/{bookingId}/blockers pages through them).
alter table solve_run
    add column ended_by    text check (ended_by in ('BOUND', 'NO_GAIN', 'LIMIT', 'TIME_LIMIT', 'STOPPED')),
    add column state_after text,
    add column blockers    text;
create index solve_run_day_committed on solve_run (restaurant_id, service_date, finished_at desc)
    where status = 'COMMITTED';
