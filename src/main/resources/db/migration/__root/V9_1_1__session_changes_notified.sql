-- ADR 57: every instance keeps a view in memory of the sessions it served (ADR 49) and listens on this channel, so
-- that a session ended, renamed or changed by another instance (or by the clean-up job) leaves its view at once.
-- The payload is the session id. An update of the last access alone (and of the expiry it implies) adds the new last
-- access: an instance that holds the session with that very last access holds what the table holds (its own write,
-- the one written once a minute), and keeps it. Any other change (an attribute, the id, the idle timeout, the
-- principal, a deletion) makes every instance forget the session.
create or replace function cocon_session_changed() returns trigger language plpgsql as $$
begin
	if tg_op = 'DELETE' then
		perform pg_notify('cocon_sessions', old.session_id);
		return old;
	end if;
	if old.session_id <> new.session_id then
		perform pg_notify('cocon_sessions', old.session_id);
	end if;
	if old.session_id = new.session_id and old.max_inactive_interval = new.max_inactive_interval
			and old.principal_name is not distinct from new.principal_name then
		perform pg_notify('cocon_sessions', new.session_id || ' ' || new.last_access_time);
	else
		perform pg_notify('cocon_sessions', new.session_id);
	end if;
	return new;
end
$$;

create trigger spring_session_changed after update or delete on spring_session
	for each row execute function cocon_session_changed();

create or replace function cocon_session_attribute_changed() returns trigger language plpgsql as $$
declare
	changed_session char(36);
begin
	if tg_op = 'DELETE' then
		changed_session := old.session_primary_id;
	else
		changed_session := new.session_primary_id;
	end if;
	perform pg_notify('cocon_sessions', s.session_id) from spring_session s where s.primary_id = changed_session;
	return null;
end
$$;

create trigger spring_session_attributes_changed after insert or update or delete on spring_session_attributes
	for each row execute function cocon_session_attribute_changed();
