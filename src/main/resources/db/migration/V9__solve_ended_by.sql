-- Why each solve ended (BOUND, NO_GAIN, LIMIT, TIME_LIMIT, STOPPED); null for a solve that did not end by solving.
alter table solve_run
    add column ended_by text check (ended_by in ('BOUND', 'NO_GAIN', 'LIMIT', 'TIME_LIMIT', 'STOPPED'));
