-- Floor plans, bookings, table assignments, holds and the solve audit trail.
-- Ids of zones, tables, combinations, bookings and holds are unique within a restaurant only,
-- so every key starts with restaurant_id.

-- Needed for the exclusion constraint that mixes equality (text) and range overlap.
create extension if not exists btree_gist;

create table restaurant (
    id                      text        primary key,
    name                    text        not null,
    time_zone               text        not null,
    turnover_buffer_minutes integer     not null check (turnover_buffer_minutes between 0 and 240),
    version                 bigint      not null default 0,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now()
);

create table zone (
    restaurant_id text    not null references restaurant (id) on delete cascade,
    id            text    not null,
    name          text    not null,
    position      integer not null,
    primary key (restaurant_id, id)
);

create table dining_table (
    restaurant_id text    not null references restaurant (id) on delete cascade,
    id            text    not null,
    zone_id       text    not null,
    min_capacity  integer not null check (min_capacity >= 1),
    max_capacity  integer not null check (max_capacity >= min_capacity),
    in_service    boolean not null default true,
    position      integer not null,
    primary key (restaurant_id, id),
    foreign key (restaurant_id, zone_id) references zone (restaurant_id, id)
);

create table table_combination (
    restaurant_id text    not null references restaurant (id) on delete cascade,
    id            text    not null,
    min_capacity  integer not null check (min_capacity >= 1),
    max_capacity  integer not null check (max_capacity >= min_capacity),
    position      integer not null,
    primary key (restaurant_id, id)
);

create table table_combination_member (
    restaurant_id  text    not null,
    combination_id text    not null,
    table_id       text    not null,
    position       integer not null,
    primary key (restaurant_id, combination_id, table_id),
    foreign key (restaurant_id, combination_id) references table_combination (restaurant_id, id) on delete cascade,
    foreign key (restaurant_id, table_id) references dining_table (restaurant_id, id)
);

create table booking (
    restaurant_id    text        not null references restaurant (id),
    id               text        not null,
    service_date     date        not null,
    -- The instant the party arrives, derived from the local start and the restaurant's time zone.
    starts_at        timestamptz not null,
    duration_minutes integer     not null check (duration_minutes between 15 and 720),
    party_size       integer     not null check (party_size between 1 and 100),
    status           text        not null default 'PENDING'
                                 check (status in ('PENDING', 'CONFIRMED', 'SEATED', 'CANCELLED')),
    preferred_zone   text,
    required_zone    text,
    priority         integer     not null default 0 check (priority >= 0),
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (restaurant_id, id)
);

create index booking_by_day on booking (restaurant_id, service_date, starts_at, id);

-- One row per physical table a CONFIRMED or SEATED booking occupies (a combination writes one row
-- per member table). The exclusion constraint makes a double-booked table impossible whatever the
-- application does.
create table table_assignment (
    restaurant_id text        not null,
    booking_id    text        not null,
    table_id      text        not null,
    -- The table or combination the booking is seated at (equal to table_id for a single table).
    seating_id    text        not null,
    -- [start, start + duration + turnover buffer)
    occupied      tstzrange   not null check (not isempty(occupied) and lower_inc(occupied) and not upper_inc(occupied)),
    created_at    timestamptz not null default now(),
    primary key (restaurant_id, booking_id, table_id),
    foreign key (restaurant_id, booking_id) references booking (restaurant_id, id) on delete cascade,
    foreign key (restaurant_id, table_id) references dining_table (restaurant_id, id),
    constraint table_assignment_no_double_booking
        exclude using gist (restaurant_id with =, table_id with =, occupied with &&)
);

-- Placed by a booking flow while a guest completes a booking. A hold whose expires_at has passed
-- blocks nothing; nothing else ever "locks" a table.
create table table_hold (
    restaurant_id text        not null,
    id            text        not null,
    table_id      text        not null,
    held          tstzrange   not null check (not isempty(held)),
    expires_at    timestamptz not null,
    reference     text,
    created_at    timestamptz not null default now(),
    primary key (restaurant_id, id),
    foreign key (restaurant_id, table_id) references dining_table (restaurant_id, id) on delete cascade
);

create index table_hold_by_expiry on table_hold (restaurant_id, expires_at);

-- The audit trail: one row per solve, whatever its outcome.
create table solve_run (
    id              text        primary key,
    restaurant_id   text        not null references restaurant (id),
    service_date    date        not null,
    mode            text        not null,
    config          text        not null,
    status          text        not null,
    requested_at    timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    score           text,
    seated          integer,
    unseated        integer,
    newly_confirmed integer,
    moved           integer,
    attempts        integer     not null default 0,
    error           text
);

create index solve_run_by_day on solve_run (restaurant_id, service_date, requested_at);
