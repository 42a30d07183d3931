create table account (
    id              uuid primary key,
    handle          text        not null unique,  -- stored lower-case
    email           text        not null unique,  -- stored lower-case
    password_hash   text        not null,
    display_name    text        not null,
    bio             text        not null default '',
    followers_count bigint      not null default 0 check (followers_count >= 0),
    following_count bigint      not null default 0 check (following_count >= 0),
    roles           text        not null default 'user',
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);

-- Refresh tokens: only a SHA-256 of the token is stored. A family is one sign-in; rotation keeps
-- the family, reuse of a rotated token revokes the whole family.
create table refresh_token (
    id          uuid primary key,
    family_id   uuid        not null,
    account_id  uuid        not null references account (id) on delete cascade,
    token_hash  bytea       not null unique,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);

-- Failed sign-ins per login identifier (known account or not, so the throttle reveals nothing).
create table sign_in_throttle (
    login             text primary key,
    failures          int         not null,
    window_started_at timestamptz not null
);

create table follow (
    follower_id uuid        not null references account (id) on delete cascade,
    followee_id uuid        not null references account (id) on delete cascade,
    created_at  timestamptz not null,
    primary key (follower_id, followee_id),
    check (follower_id <> followee_id)
);
create index follow_by_followee on follow (followee_id, created_at desc, follower_id desc);
create index follow_by_follower on follow (follower_id, created_at desc, followee_id desc);
