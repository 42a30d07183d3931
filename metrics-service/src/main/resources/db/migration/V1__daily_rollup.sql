-- Per-day counters built from domain events. Platform-wide metrics use the nil UUID as subject.
create table daily_rollup (
    metric     text   not null,
    subject_id uuid   not null,
    day        date   not null,
    value      bigint not null,
    primary key (metric, subject_id, day) -- serves every read: one metric, one subject, a day range
);
