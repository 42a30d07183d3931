-- Endpoints get a description (the issue's "URL, event types filter, description"); existing rows get ''.
alter table webhook_endpoint
    add column description text not null default '' check (char_length(description) <= 500);
