-- Whether the texts of the campaign's contributions are published as open data: off unless the campaign says so
-- (the contribution form tells contributors which).
alter table governance.campaign add column contribution_texts_public boolean not null default false;
