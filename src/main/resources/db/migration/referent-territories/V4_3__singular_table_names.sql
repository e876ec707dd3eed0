-- Naming scheme (docs/naming.md): tables are singular snake_case nouns, like intake.contribution. Renaming keeps the
-- rows, the constraints, the indexes and the foreign keys (which follow the table, not its name). A call is
-- referent_call and a session working_group_session, the names of their aggregates, since "call" and "session" are
-- SQL keywords.
alter table referents.calls rename to referent_call;
alter table referents.invitations rename to invitation;
alter table referents.sessions rename to working_group_session;
alter table referents.session_attendees rename to session_attendee;
alter table referents.shortlist_decisions rename to shortlist_decision;
alter table referents.proposal_titles rename to proposal_title;
alter table referents.referent_territories rename to referent_territory;
