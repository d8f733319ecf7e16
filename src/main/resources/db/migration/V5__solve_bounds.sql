-- Proven plans: every solve's upper bound on the seated weight, the plan's gap to it, and whether it reaches it.
alter table solve_run
    add column bound  bigint,
    add column gap    double precision check (gap >= 0),
    add column proven boolean;
