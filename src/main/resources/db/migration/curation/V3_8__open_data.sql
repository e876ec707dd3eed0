-- Whether the campaign publishes the texts of its contributions as open data (governance's setting, default off).
alter table curation.campaigns add column contribution_texts_public boolean not null default false;

-- The curators' exports of contributions: they hold what contributors wrote and their organisations, so every export
-- is recorded (who, when, what).
create table curation.contribution_export (
    id          bigint generated always as identity primary key,
    campaign_id uuid        not null,
    format      text        not null check (format in ('csv', 'xlsx')),
    row_count   integer     not null check (row_count >= 0),
    exported_by text        not null,
    exported_at timestamptz not null
);
create index contribution_export_campaign on curation.contribution_export (campaign_id, exported_at desc);
