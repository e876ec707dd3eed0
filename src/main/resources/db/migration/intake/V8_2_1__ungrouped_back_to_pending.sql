-- A curator may take a contribution out of a draft proposal, back to the triage queue (ADR 0045, issue 23): the
-- contribution is pending again. Its decided_at then keeps the date of that undoing, so that a grouping delivered
-- late (older) never overwrites it; the history keeps the undoing as a PENDING decision naming the proposal it left.
alter table intake.contribution drop constraint contribution_outcome_complete;
alter table intake.contribution add constraint contribution_outcome_complete check (
    outcome = 'PENDING'
    or (outcome = 'GROUPED' and proposal_id is not null and proposal_title is not null and decided_at is not null)
    or (outcome = 'REORIENTED' and reorientation_target is not null and decided_at is not null)
    or (outcome = 'REJECTED' and rejection_reason is not null and decided_at is not null));

alter table intake.outcome_decision drop constraint outcome_decision_outcome_check;
alter table intake.outcome_decision add constraint outcome_decision_outcome_check
    check (outcome in ('PENDING', 'GROUPED', 'REORIENTED', 'REJECTED'));

-- A contribution pending again may be withdrawn by its author: its history of decisions goes with it (only the fact
-- of the withdrawal is kept, as for any withdrawal).
alter table intake.outcome_decision drop constraint outcome_decision_contribution_id_fkey;
alter table intake.outcome_decision add constraint outcome_decision_contribution_id_fkey
    foreign key (contribution_id) references intake.contribution (id) on delete cascade;
