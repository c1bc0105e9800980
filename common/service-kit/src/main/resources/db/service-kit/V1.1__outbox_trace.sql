-- The W3C traceparent of the span that appended the event (a request, or a consumer applying another event):
-- the relay sends it as the record's traceparent header, so the consumers continue the same trace. Null for rows
-- appended outside a span and for those written before this column. (A kit migration: V1.x, applied out of order
-- to databases already past the services' own versions.)
alter table outbox_event add column if not exists traceparent text;
