-- OwnObjects now compares team ids as UUIDs (no cast), so ticket_team_updated serves the owner filter and the
-- expression index V11 added for the cast is dead weight on every ticket write
drop index if exists ticket_team_cast;
