-- Old windows of the public survey page's request counts are removed by their start: an index makes that a
-- range delete instead of a scan of every address's counts.
create index ix_survey_rate_window on survey_rate (window_start);
