-- Host operations: guest fields, the end of a booking's life (COMPLETED, NO_SHOW), and the change feed.

alter table booking
    add column guest_name   text check (length(guest_name) between 1 and 200),
    add column notes        text check (length(notes) <= 2000),
    add column external_ref text check (length(external_ref) between 1 and 200),
    add column tags         text[] not null default '{}' check (cardinality(tags) <= 20);

alter table booking drop constraint booking_status_check;
alter table booking add constraint booking_status_check
    check (status in ('PENDING', 'CONFIRMED', 'SEATED', 'COMPLETED', 'NO_SHOW', 'CANCELLED'));

create index booking_by_external_ref on booking (restaurant_id, external_ref) where external_ref is not null;

-- A COMPLETED booking keeps its table rows, cut to the minute it left, so the day's history stays; every other
-- table row still covers [start, start + duration + buffer).

-- The change feed (README "Change feed"): one row per committed version of every booking. seq numbers a
-- restaurant's changes in commit order: it is drawn from change_counter at COMMIT time (a deferred trigger), and
-- the counter row stays locked until that COMMIT ends, so a change with a higher seq is never visible before
-- one with a lower seq.
create table change_counter (
    restaurant_id text   primary key references restaurant (id) on delete cascade,
    last_seq      bigint not null
);

create table booking_change (
    restaurant_id text        not null,
    seq           bigint      not null,
    booking_id    text        not null,
    version       bigint      not null,
    status        text        not null,
    tables        text[]      not null,
    cause         text        not null check (cause in ('CREATE', 'CONFIRM', 'SOLVE', 'HOST', 'CHANGE', 'CANCEL',
                                                        'SEAT', 'COMPLETE', 'NO_SHOW')),
    at            timestamptz not null,
    primary key (restaurant_id, seq),
    unique (restaurant_id, booking_id, version)
);

-- The cause of a change: CREATE for a new booking, the status a booking moved to for CANCEL, SEAT, COMPLETE and
-- NO_SHOW, otherwise what the writing transaction declared with set_config('tablesolver.change_cause', ..., true)
-- (SOLVE, CONFIRM, HOST), else CHANGE. The booking's state is read at COMMIT, so a transaction that touched a
-- booking (and its tables) several times records its one committed version.
create function record_booking_change() returns trigger
    language plpgsql as
$$
declare
    current_row booking%rowtype;
    next_seq    bigint;
    declared    text;
    change      text;
begin
    select * into current_row from booking where restaurant_id = new.restaurant_id and id = new.id;
    if not found then
        return null;
    end if;
    if exists (select 1 from booking_change c
               where c.restaurant_id = current_row.restaurant_id and c.booking_id = current_row.id
                 and c.version = current_row.version) then
        return null;
    end if;
    declared := nullif(current_setting('tablesolver.change_cause', true), '');
    change := case
        when tg_op = 'INSERT' then 'CREATE'
        when current_row.status <> old.status and current_row.status = 'CANCELLED' then 'CANCEL'
        when current_row.status <> old.status and current_row.status = 'SEATED' and old.status = 'CONFIRMED'
            then 'SEAT'
        when current_row.status <> old.status and current_row.status = 'COMPLETED' then 'COMPLETE'
        when current_row.status <> old.status and current_row.status = 'NO_SHOW' then 'NO_SHOW'
        else coalesce(declared, 'CHANGE')
    end;
    insert into change_counter as c (restaurant_id, last_seq) values (current_row.restaurant_id, 1)
    on conflict (restaurant_id) do update set last_seq = c.last_seq + 1
    returning last_seq into next_seq;
    insert into booking_change (restaurant_id, seq, booking_id, version, status, tables, cause, at)
    values (current_row.restaurant_id, next_seq, current_row.id, current_row.version, current_row.status,
            coalesce((select array_agg(ta.table_id order by dt.position, ta.table_id)
                      from table_assignment ta
                      join dining_table dt on dt.restaurant_id = ta.restaurant_id and dt.id = ta.table_id
                      where ta.restaurant_id = current_row.restaurant_id and ta.booking_id = current_row.id),
                     '{}'),
            change, clock_timestamp());
    return null;
end;
$$;

create constraint trigger booking_created
    after insert on booking
    deferrable initially deferred
    for each row execute function record_booking_change();

create constraint trigger booking_changed
    after update on booking
    deferrable initially deferred
    for each row when (old.version is distinct from new.version)
    execute function record_booking_change();
