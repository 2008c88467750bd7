-- Issue #11, one stale-write answer: the users' lock counter is called `version`, like every other table's.
ALTER TABLE "users" RENAME COLUMN "revision" TO "version";
