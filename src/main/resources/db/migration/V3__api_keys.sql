-- API keys (src/docs/api.md "Authentication"). The secret itself is never stored: only its SHA-256, which is enough
-- for a random 256-bit secret (there is nothing to guess that a slow hash would protect).
create table api_key (
    id          text primary key,
    name        text        not null check (length(name) between 1 and 200),
    secret_hash bytea       not null unique check (length(secret_hash) = 32),
    scopes      text[]      not null check (cardinality(scopes) >= 1),
    -- null = every restaurant; otherwise the restaurants the key may see and act on
    restaurants text[],
    created_at  timestamptz not null default now()
);
