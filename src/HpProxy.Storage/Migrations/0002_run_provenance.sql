-- Study database, version 2: what produced each finished run. A study can span sessions and machines, and a
-- resume may run newer code than the first runs did; the study row's code_version only says who planned it last.
-- code_version: the worker's informational version (semver + git commit); cpu_seconds: CPU time of the thread
-- that trained and scored the run (wall_seconds measures waiting too on a shared machine). NULL for runs
-- finished before version 2.
ALTER TABLE runs ADD COLUMN code_version TEXT;
ALTER TABLE runs ADD COLUMN cpu_seconds DOUBLE PRECISION;
