-- Whether the campaign publishes the texts of contributions as open data (governance's setting, default off): the
-- contribution form says so to contributors.
alter table intake.campaign add column contribution_texts_public boolean not null default false;
