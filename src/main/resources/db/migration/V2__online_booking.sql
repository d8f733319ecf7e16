-- Online booking: booking rules on the floor plan, pinned bookings, capacity holds.

-- Booking rules of a restaurant (null = not set). service_periods and turn_times are JSON arrays in the
-- API's shape; they are read and written whole with the floor plan.
alter table restaurant
    add column service_periods      jsonb,
    add column turn_times           jsonb,
    add column booking_slot_minutes integer not null default 15 check (booking_slot_minutes between 5 and 120),
    add column pacing_max_covers    integer check (pacing_max_covers between 1 and 10000);

-- A pinned booking keeps its tables: no solve, confirmation or hold ever moves it.
alter table booking add column pinned boolean not null default false;

-- A capacity hold names no table: it keeps room for a party (party size, zone, duration) that any fitting
-- seating may give it, so it never blocks a reshuffle. A table hold (table_id set) blocks its table.
alter table table_hold
    alter column table_id drop not null,
    add column service_date     date,
    add column party_size       integer check (party_size between 1 and 100),
    add column duration_minutes integer check (duration_minutes between 15 and 720),
    add column zone_id          text,
    add constraint table_hold_kind check (
        (table_id is not null and party_size is null and service_date is null)
        or (table_id is null and party_size is not null and duration_minutes is not null and service_date is not null));

create index table_hold_capacity_by_day on table_hold (restaurant_id, service_date) where table_id is null;
