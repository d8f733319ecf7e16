-- The version of a restaurant's stored state that availability answers name ("asOf"): it grows with every
-- committed write that can change an answer (bookings, table and capacity holds, the floor plan and its rules),
-- counted at COMMIT under the restaurant's counter lock, as the change feed's seq is (V4). Numbers come from one
-- sequence, so a restaurant deleted and created again never repeats a version an answer was cached under.
create sequence state_version_seq;
alter table change_counter add column state_version bigint not null default 0;

-- A hold whose expiry a reader has seen pass: marking it is a write, so that an expiry changes the version too
-- and answers of one version never differ by the clock.
alter table table_hold add column lapsed boolean not null default false;
create index table_hold_unlapsed on table_hold (restaurant_id, expires_at) where not lapsed;

create function bump_state_version() returns trigger
    language plpgsql as
$$
declare
    target text;
begin
    if tg_table_name = 'restaurant' then
        target := new.id;
    elsif tg_op = 'DELETE' then
        target := old.restaurant_id;
    else
        target := new.restaurant_id;
    end if;
    if not exists (select 1 from restaurant where id = target) then
        return null; -- the restaurant itself was deleted: nothing is left to answer about
    end if;
    insert into change_counter as c (restaurant_id, last_seq, state_version)
    values (target, 0, nextval('state_version_seq'))
    on conflict (restaurant_id) do update set state_version = nextval('state_version_seq');
    return null;
end;
$$;

create constraint trigger booking_state after insert or update or delete on booking
    deferrable initially deferred for each row execute function bump_state_version();
create constraint trigger table_assignment_state after insert or update or delete on table_assignment
    deferrable initially deferred for each row execute function bump_state_version();
create constraint trigger table_hold_state after insert or update or delete on table_hold
    deferrable initially deferred for each row execute function bump_state_version();
create constraint trigger restaurant_state after insert or update on restaurant
    deferrable initially deferred for each row execute function bump_state_version();
create constraint trigger zone_state after insert or update or delete on zone
    deferrable initially deferred for each row execute function bump_state_version();
create constraint trigger dining_table_state after insert or update or delete on dining_table
    deferrable initially deferred for each row execute function bump_state_version();
create constraint trigger table_combination_state after insert or update or delete on table_combination
    deferrable initially deferred for each row execute function bump_state_version();
create constraint trigger table_combination_member_state after insert or update or delete on table_combination_member
    deferrable initially deferred for each row execute function bump_state_version();
