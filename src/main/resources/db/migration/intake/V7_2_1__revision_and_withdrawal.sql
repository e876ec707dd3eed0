-- A contributor may correct a contribution still waiting to be triaged (issue 25, point 6): when it last did.
alter table intake.contribution add column revised_at timestamptz;

-- A contributor may withdraw a contribution still waiting to be triaged: the contribution is removed with its text
-- and its author, and only the fact remains (which one, of which campaign, when), so that a withdrawal is kept.
create table intake.contribution_withdrawal (
    contribution_id uuid        primary key,
    campaign_id     uuid        not null references intake.campaign (id),
    withdrawn_at    timestamptz not null
);
create index contribution_withdrawal_campaign on intake.contribution_withdrawal (campaign_id);
