-- Token buckets of the public pages' and the logins' limits (Bucket4j, io.github.bucket4j.postgresql), shared by
-- every node of the application: a client's limit is the same whichever node answers it. A row per client address,
-- tracking number or account while its bucket is not full again; expired rows are removed every minute.
create table rate_limit_bucket (
  id         varchar(300) primary key,
  state      bytea,
  expires_at bigint
);

create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
