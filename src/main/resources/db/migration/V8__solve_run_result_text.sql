-- A solve's result is written once and read whole (GET /api/solves/{id}), never queried inside: stored as text,
-- PostgreSQL no longer parses it into jsonb in every commit. An XL day's answer is tens of MB (README "Proven
-- plans"): a 74 MB one took 8.0 s to insert and 1.6 s to read back as jsonb, 4.2 s and 0.5 s as text.
alter table solve_run alter column result type text using result::text;
