-- Mean last-checkpoint normalised score, per-seed scores, mean wall time and environment steps per second per
-- (algorithm, task): sqlite3 results/algorithms-check/study.db < scripts/algorithms-table.sql
.mode list
.separator ' | '
with last as (
  select r.algorithm, r.task, r.seed, r.wall_seconds, c.normalized_score as s, c.step
  from runs r join checkpoints c using(run_id)
  where c.idx = (select max(idx) from checkpoints c2 where c2.run_id = r.run_id)
)
select algorithm, task, round(avg(s),2), group_concat(round(s,2), ' / '), round(avg(wall_seconds)), round(avg(step)/avg(wall_seconds))
from last group by algorithm, task order by algorithm, task;
