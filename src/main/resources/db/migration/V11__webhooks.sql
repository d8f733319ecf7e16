-- Webhooks (src/docs/webhooks.md): subscriptions, and an outbox of events with one delivery per subscription.
--
-- Events are recorded by the database in the transaction of the change that causes them (booking changes as the
-- change feed records them, holds, solve outcomes), so a committed change always has its messages and a rolled
-- back one never does. Sending happens after COMMIT, from any instance (WebhookDispatcher).

create table webhook_subscription (
    id              text        primary key,
    url             text        not null,
    -- event type names, or '*'
    events          text[]      not null check (cardinality(events) between 1 and 50),
    -- null: every restaurant
    restaurants     text[]      check (restaurants is null or cardinality(restaurants) between 1 and 1000),
    enabled         boolean     not null default true,
    disabled_reason text,
    -- the signing secret ("whsec_" and base64): shown once when created, kept so that messages can be signed
    secret          text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

-- One message: its id is the webhook-id header, the same on every attempt and every subscription.
create table webhook_event (
    id            text        primary key,
    type          text        not null,
    restaurant_id text        not null,
    service_date  date,
    -- the event's fields; a booking event also keeps the booking row as it was committed (booking_row, tables,
    -- seating), so that its message shows that version whenever it is sent
    data          jsonb       not null,
    -- the message body, made at the first attempt and sent unchanged on every later one
    body          text,
    created_at    timestamptz not null default clock_timestamp(),
    -- availability.changed: not sent before this (one message per restaurant-date per second)
    not_before    timestamptz not null default clock_timestamp()
);

create index webhook_event_availability on webhook_event (restaurant_id, service_date, created_at)
    where type = 'availability.changed';

-- The order of deliveries: drawn while the restaurant's counter row is locked (until COMMIT), so one restaurant's
-- deliveries are numbered in commit order.
create sequence webhook_ordinal_seq;

create table webhook_delivery (
    id              text        primary key,
    subscription_id text        not null references webhook_subscription (id) on delete cascade,
    event_id        text        not null references webhook_event (id),
    restaurant_id   text        not null,
    ordinal         bigint      not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    last_status_code integer,
    last_error      text,
    next_attempt_at timestamptz not null,
    -- a sender's lease: while claimed_until is ahead, no other sender (on any instance) attempts this delivery
    claim           text,
    claimed_until   timestamptz,
    created_at      timestamptz not null default clock_timestamp(),
    delivered_at    timestamptz
);

-- the head of each subscription's queue per restaurant
create index webhook_delivery_queue on webhook_delivery (subscription_id, restaurant_id, ordinal)
    where status = 'PENDING';
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, ordinal);
create index webhook_delivery_by_event on webhook_delivery (event_id);

-- Records one event for the enabled subscriptions that want it (nothing when none does). Called by the triggers
-- below, which are deferred to COMMIT (the change feed's trigger is), and locks the restaurant's counter row until COMMIT so deliveries follow commit order.
create function webhook_record(restaurant text, day date, event_type text, event_data jsonb) returns void
    language plpgsql as
$$
declare
    event_id   text;
    send_after timestamptz := clock_timestamp();
    previous   timestamptz;
begin
    if not exists (select 1 from webhook_subscription s
                   where s.enabled and (s.restaurants is null or restaurant = any (s.restaurants))
                     and ('*' = any (s.events) or event_type = any (s.events))) then
        return;
    end if;
    insert into change_counter (restaurant_id, last_seq) values (restaurant, 0) on conflict do nothing;
    perform 1 from change_counter where restaurant_id = restaurant for update;
    if event_type = 'availability.changed' then
        -- an unsent one for the date reads the version when it is sent: it covers this change too
        if exists (select 1 from webhook_event e
                   where e.type = event_type and e.restaurant_id = restaurant and e.service_date = day
                     and e.body is null) then
            return;
        end if;
        select max(e.not_before) into previous from webhook_event e
        where e.type = event_type and e.restaurant_id = restaurant and e.service_date = day;
        if previous is not null and previous + interval '1 second' > send_after then
            send_after := previous + interval '1 second';
        end if;
    end if;
    event_id := 'msg_' || replace(gen_random_uuid()::text, '-', '');
    insert into webhook_event (id, type, restaurant_id, service_date, data, not_before)
    values (event_id, event_type, restaurant, day, event_data, send_after);
    insert into webhook_delivery (id, subscription_id, event_id, restaurant_id, ordinal, next_attempt_at)
    select 'dlv_' || replace(gen_random_uuid()::text, '-', ''), s.id, event_id, restaurant,
           nextval('webhook_ordinal_seq'), send_after
    from webhook_subscription s
    where s.enabled and (s.restaurants is null or restaurant = any (s.restaurants))
      and ('*' = any (s.events) or event_type = any (s.events))
    order by s.id;
end;
$$;

-- Booking events, from the change feed's rows (V4): the type names what the change did to the booking's status.
create function webhook_booking_change() returns trigger
    language plpgsql as
$$
declare
    previous    text;
    event_type  text;
    snapshot    booking%rowtype;
    tz          text;
    seating     text;
begin
    if not exists (select 1 from webhook_subscription where enabled) then
        return null; -- nobody listens: no work on the commit path
    end if;
    select c.status into previous from booking_change c
    where c.restaurant_id = new.restaurant_id and c.booking_id = new.booking_id and c.seq < new.seq
    order by c.seq desc limit 1;
    event_type := case
        when previous is not distinct from new.status then 'booking.changed'
        when new.status = 'CANCELLED' then 'booking.cancelled'
        when new.status = 'SEATED' then 'booking.seated'
        when new.status = 'COMPLETED' then 'booking.completed'
        when new.status = 'NO_SHOW' then 'booking.no_show'
        when new.status = 'CONFIRMED' and (previous is null or previous = 'PENDING') then 'booking.confirmed'
        when new.status = 'PENDING' and previous is null then 'booking.created'
        else 'booking.changed'
    end;
    select * into snapshot from booking b where b.restaurant_id = new.restaurant_id and b.id = new.booking_id;
    select r.time_zone into tz from restaurant r where r.id = new.restaurant_id;
    select min(ta.seating_id) into seating from table_assignment ta
    where ta.restaurant_id = new.restaurant_id and ta.booking_id = new.booking_id;
    perform webhook_record(new.restaurant_id, snapshot.service_date, event_type,
                           jsonb_build_object('seq', new.seq, 'cause', new.cause, 'booking_row', to_jsonb(snapshot),
                                              'tables', to_jsonb(new.tables), 'seating', seating, 'time_zone', tz));
    perform webhook_record(new.restaurant_id, snapshot.service_date, 'availability.changed', '{}'::jsonb);
    return null;
end;
$$;

create trigger booking_change_webhooks after insert on booking_change
    for each row execute function webhook_booking_change();

-- Hold events: placed, and released (by its booking system, taken over by its booking, or lapsed).
create function webhook_hold_change() returns trigger
    language plpgsql as
$$
declare
    h          table_hold%rowtype;
    event_type text;
    cause      text;
    tz         text;
    day        date;
begin
    if not exists (select 1 from webhook_subscription where enabled) then
        return null; -- nobody listens: no work on the commit path
    end if;
    if tg_op = 'INSERT' then
        h := new;
        event_type := 'hold.created';
        cause := 'PLACED';
    elsif tg_op = 'UPDATE' then
        if old.lapsed or not new.lapsed then
            return null;
        end if;
        h := new;
        event_type := 'hold.released';
        cause := 'EXPIRED';
    else
        if old.lapsed or old.expires_at <= clock_timestamp() then
            return null; -- an expired hold's row cleaned up: its release is told when it lapses
        end if;
        h := old;
        event_type := 'hold.released';
        cause := coalesce(nullif(current_setting('tablesolver.hold_release', true), ''), 'RELEASED');
    end if;
    select r.time_zone into tz from restaurant r where r.id = h.restaurant_id;
    if tz is null then
        return null; -- the restaurant is being deleted
    end if;
    -- the service date of the hold's start: times before 06:00 belong to the evening before
    day := coalesce(h.service_date, ((lower(h.held) at time zone tz) - interval '6 hours')::date);
    perform webhook_record(h.restaurant_id, day, event_type,
                           jsonb_build_object('cause', cause, 'hold', jsonb_build_object(
                                   'id', h.id, 'tableId', h.table_id, 'partySize', h.party_size, 'zone', h.zone_id,
                                   'start', to_char(lower(h.held) at time zone tz, 'YYYY-MM-DD"T"HH24:MI:SS'),
                                   'end', to_char(upper(h.held) at time zone tz, 'YYYY-MM-DD"T"HH24:MI:SS'),
                                   'expiresAt', to_char(h.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                   'reference', h.reference)));
    perform webhook_record(h.restaurant_id, day, 'availability.changed', '{}'::jsonb);
    return null;
end;
$$;

create constraint trigger table_hold_webhooks after insert or update of lapsed or delete on table_hold
    deferrable initially deferred for each row execute function webhook_hold_change();

-- Solve outcomes, when a solve's row says it committed, or ended with nothing written (FAILED, CONFLICT).
create function webhook_solve_outcome() returns trigger
    language plpgsql as
$$
begin
    if not exists (select 1 from webhook_subscription where enabled) then
        return null; -- nobody listens: no work on the commit path
    end if;
    if new.status not in ('COMMITTED', 'FAILED', 'CONFLICT') or (tg_op = 'UPDATE' and new.status = old.status) then
        return null;
    end if;
    perform webhook_record(new.restaurant_id, new.service_date,
                           case new.status when 'COMMITTED' then 'solve.committed' else 'solve.failed' end,
                           jsonb_build_object('solveId', new.id, 'status', new.status, 'seated', new.seated,
                                              'unseated', new.unseated, 'proven', new.proven, 'error', new.error));
    return null;
end;
$$;

create constraint trigger solve_run_webhooks after insert or update of status on solve_run
    deferrable initially deferred for each row execute function webhook_solve_outcome();
