-- Study database, version 3: the configuration each finished run was trained with. A run id hashes only what the
-- study file sets, so a default that changes between sessions leaves the id alone; the worker records every declared
-- hyperparameter with the value it used (IAlgorithm.Resolve, canonical JSON) so that run, resume and the report can
-- tell which runs were trained with other defaults (DefaultsDrift). NULL for runs finished before version 3.
ALTER TABLE runs ADD COLUMN resolved_hyperparameters TEXT;
