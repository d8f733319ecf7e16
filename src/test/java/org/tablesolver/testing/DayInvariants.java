package org.tablesolver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * What must hold in the database after anything the service does, checked with plain SQL that does not
 * rely on the exclusion constraint: no table used twice at once, no assignment without a CONFIRMED or
 * SEATED booking and none of those without an assignment, occupied ranges that match the bookings, each
 * booking on exactly its seating's tables and within its capacity, and no active hold on an assigned table.
 */
public final class DayInvariants {

    private DayInvariants() {
    }

    public static void assertConsistent(TestDatabase db) {
        violations(db, "overlapping assignments", """
                select a.restaurant_id || '/' || a.table_id || ': ' || a.booking_id || ' and ' || b.booking_id
                from table_assignment a
                join table_assignment b on a.restaurant_id = b.restaurant_id and a.table_id = b.table_id
                                       and a.booking_id < b.booking_id and a.occupied && b.occupied
                """);
        violations(db, "assignments of bookings that are not CONFIRMED, SEATED or COMPLETED", """
                select ta.restaurant_id || '/' || ta.booking_id || ' is ' || coalesce(b.status, 'missing')
                from table_assignment ta
                left join booking b on b.restaurant_id = ta.restaurant_id and b.id = ta.booking_id
                where b.status is null or b.status not in ('CONFIRMED', 'SEATED', 'COMPLETED')
                """);
        violations(db, "COMPLETED bookings whose tables outlast their stay", """
                select ta.restaurant_id || '/' || ta.booking_id || ' on ' || ta.table_id
                from table_assignment ta
                join booking b on b.restaurant_id = ta.restaurant_id and b.id = ta.booking_id
                join restaurant r on r.id = b.restaurant_id
                where b.status = 'COMPLETED'
                  and (lower(ta.occupied) <> b.starts_at or upper(ta.occupied) > b.starts_at
                       + make_interval(mins => b.duration_minutes + r.turnover_buffer_minutes))
                """);
        violations(db, "bookings whose versions are not all in the change feed, once each, in order", """
                select b.restaurant_id || '/' || b.id || ' at version ' || b.version || ': feed has '
                       || coalesce((select string_agg(c.version::text, ',' order by c.seq) from booking_change c
                                    where c.restaurant_id = b.restaurant_id and c.booking_id = b.id), 'nothing')
                from booking b
                where (select array_agg(c.version order by c.seq) from booking_change c
                       where c.restaurant_id = b.restaurant_id and c.booking_id = b.id)
                      is distinct from (select array_agg(v::bigint order by v) from generate_series(0, b.version) v)
                """);
        violations(db, "change feeds with gaps", """
                select restaurant_id || ': ' || count(*) || ' changes up to seq ' || max(seq)
                from booking_change group by restaurant_id having count(*) <> max(seq) or min(seq) <> 1
                """);
        violations(db, "CONFIRMED or SEATED bookings without tables", """
                select b.restaurant_id || '/' || b.id from booking b
                where b.status in ('CONFIRMED', 'SEATED')
                  and not exists (select 1 from table_assignment ta
                                  where ta.restaurant_id = b.restaurant_id and ta.booking_id = b.id)
                """);
        violations(db, "occupied ranges that differ from start + duration + turnover buffer", """
                select ta.restaurant_id || '/' || ta.booking_id || ' on ' || ta.table_id
                from table_assignment ta
                join booking b on b.restaurant_id = ta.restaurant_id and b.id = ta.booking_id
                join restaurant r on r.id = b.restaurant_id
                where b.status <> 'COMPLETED' and ta.occupied <> tstzrange(b.starts_at, b.starts_at
                                   + make_interval(mins => b.duration_minutes + r.turnover_buffer_minutes), '[)')
                """);
        violations(db, "bookings not on exactly the tables of one seating", """
                select ta.restaurant_id || '/' || ta.booking_id
                from table_assignment ta
                group by ta.restaurant_id, ta.booking_id
                having count(distinct ta.seating_id) <> 1
                    or array_agg(ta.table_id order by ta.table_id) <> coalesce(
                           (select array_agg(m.table_id order by m.table_id) from table_combination_member m
                            where m.restaurant_id = ta.restaurant_id and m.combination_id = min(ta.seating_id)),
                           array[min(ta.seating_id)])
                """);
        violations(db, "parties that do not fit their seating", """
                select b.restaurant_id || '/' || b.id || ' (' || b.party_size || ') at ' || s.seating_id
                from booking b
                join (select distinct restaurant_id, booking_id, seating_id from table_assignment) s
                  on s.restaurant_id = b.restaurant_id and s.booking_id = b.id
                left join dining_table t on t.restaurant_id = b.restaurant_id and t.id = s.seating_id
                left join table_combination c on c.restaurant_id = b.restaurant_id and c.id = s.seating_id
                where b.party_size not between coalesce(t.min_capacity, c.min_capacity)
                                           and coalesce(t.max_capacity, c.max_capacity)
                   or (t.id is null and c.id is null)
                """);
        violations(db, "active holds on assigned tables", """
                select h.restaurant_id || '/' || h.table_id || ': hold ' || h.id || ' and ' || ta.booking_id
                from table_hold h
                join table_assignment ta on ta.restaurant_id = h.restaurant_id and ta.table_id = h.table_id
                                        and ta.occupied && h.held
                where h.expires_at > now()
                """);
    }

    private static void violations(TestDatabase db, String what, String sql) {
        List<String> found = db.jdbc().sql(sql).query(String.class).list();
        assertThat(found).as(what).isEmpty();
    }
}
