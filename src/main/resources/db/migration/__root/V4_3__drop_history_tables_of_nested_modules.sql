-- Spring Modulith's module-aware Flyway used to run for the nested "events" modules too, leaving one history table
-- per nested module (flyway_schema_history_voting.events…) with no migration in it. They are no longer created
-- (platform/ModuleMigrations); drop those left by earlier versions, only when they recorded no migration.
do $$
declare
	history record;
	migrations bigint;
begin
	for history in
		select schemaname, tablename from pg_tables
		where tablename like 'flyway\_schema\_history\_%.%'
	loop
		execute format('select count(*) from %I.%I where type not in (''BASELINE'', ''SCHEMA'', ''EMPTY'')',
				history.schemaname, history.tablename) into migrations;
		if migrations = 0 then
			execute format('drop table %I.%I', history.schemaname, history.tablename);
		end if;
	end loop;
end $$;
