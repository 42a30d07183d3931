-- The retention job: finished deliveries by status and age (pending ones are never deleted).
create index delivery_finished on delivery (status, finished_at) where status <> 'PENDING';
