package cocon.referents;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The referent territories API: applications, working groups, experimentation territories, invitations. */
@RestController
class ReferentApi {

	static final String STAFF = "hasAnyRole('CURATOR', 'ADMINISTRATOR')";

	private final ReferentTerritoriesService service;
	private final WorkingGroupQueries queries;

	ReferentApi(ReferentTerritoriesService service, WorkingGroupQueries queries) {
		this.service = service;
		this.queries = queries;
	}

	record ApplicationRequest(
			@NotBlank(message = "Expliquez en quelques mots la motivation de votre collectivité.") @Size(max = 4000, message = "La motivation ne peut dépasser 4 000 caractères.") String motivation,
			@NotBlank(message = "Indiquez le nom de la personne à contacter.") @Size(max = 200, message = "Le nom du contact ne peut dépasser 200 caractères.") String contactName,
			@NotBlank(message = "Indiquez l'adresse électronique de la personne à contacter.") @Email(regexp = ReferentTerritory.Contact.EMAIL, message = "L'adresse électronique du contact n'est pas valide.") @Size(max = 254, message = "L'adresse électronique est trop longue.") String contactEmail) {
	}

	record Created(UUID id) {
	}

	@PostMapping("/api/proposals/{id}/referent-applications")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Created> apply(@PathVariable UUID id, @Valid @RequestBody ApplicationRequest request,
			CurrentUser user) {
		var proposal = new ProposalId(id);
		var applied = service.apply(proposal, user, request.motivation(), request.contactName(), request.contactEmail());
		var body = new Created(applied.territory().getId().id());
		return applied.created()
				? ResponseEntity.created(URI.create("/api/proposals/" + id + "/working-group")).body(body)
				: ResponseEntity.ok(body);
	}

	record CallResponse(Instant opens, Instant closes, CallStatus status, String statusLabel) {
	}

	record MemberResponse(String siren, String name, CollectiviteKind kind, Instant joinedAt, boolean experimentation) {
	}

	record SessionResponse(LocalDate date, String subject, int attendeeCount) {
	}

	record WorkingGroupResponse(UUID proposalId, UUID campaignId, String proposalTitle, CallResponse call,
			List<MemberResponse> members, List<SessionResponse> sessions) {
	}

	@GetMapping("/api/proposals/{id}/working-group")
	WorkingGroupResponse workingGroup(@PathVariable UUID id) {
		var group = queries.workingGroup(new ProposalId(id)).orElseThrow(ReferentProblem.UnknownCall::new);
		var call = group.call();
		return new WorkingGroupResponse(call.proposalId(), call.campaignId(), call.proposalTitle(),
				new CallResponse(call.opens(), call.closes(), call.status(), call.status().label()),
				group.members().stream().map(m -> new MemberResponse(m.siren(), m.name(), m.kind(), m.joinedAt(),
						m.experimentation())).toList(),
				group.sessions().stream().map(s -> new SessionResponse(s.date(), s.subject(), s.attendeeCount())).toList());
	}

	@GetMapping("/api/proposals/{id}/referent-applications")
	@PreAuthorize(STAFF)
	List<WorkingGroupQueries.ApplicationDetails> applications(@PathVariable UUID id) {
		var proposal = new ProposalId(id);
		queries.call(proposal).orElseThrow(ReferentProblem.UnknownCall::new);
		return queries.applicationsWithContacts(proposal);
	}

	record ExperimentationResponse(UUID id, String siren, boolean experimentation, String markedBy, Instant markedAt) {
	}

	@PostMapping("/api/referent-applications/{id}/experimentation")
	@PreAuthorize(STAFF)
	ExperimentationResponse markAsExperimentation(@PathVariable UUID id, CurrentUser user) {
		var territory = service.markAsExperimentation(new ReferentTerritory.ApplicationId(id), user);
		var mark = territory.experimentation();
		return new ExperimentationResponse(id, territory.siren().value(), true, mark.markedBy(), mark.markedAt());
	}

	record SessionRequest(@NotNull(message = "La date de la séance est obligatoire.") LocalDate date,
			@NotBlank(message = "L'objet de la séance est obligatoire.") @Size(max = 500, message = "L'objet ne peut dépasser 500 caractères.") String subject,
			@NotEmpty(message = "Indiquez au moins un territoire présent.") List<String> attendees) {
	}

	@PostMapping("/api/proposals/{id}/working-group/sessions")
	@PreAuthorize(STAFF)
	@ResponseStatus(HttpStatus.CREATED)
	Created recordSession(@PathVariable UUID id, @Valid @RequestBody SessionRequest request, CurrentUser user) {
		var invalid = request.attendees().stream().filter(siren -> !Siren.isValid(siren)).toList();
		if (!invalid.isEmpty()) {
			throw new ReferentProblem.InvalidSession("attendees", "Ces SIREN ne sont pas valides : " + String.join(", ", invalid) + ".");
		}
		Set<Siren> attendees = request.attendees().stream().map(Siren::of).collect(Collectors.toSet());
		var session = service.recordSession(new ProposalId(id), request.date(), request.subject(), attendees, user);
		return new Created(session.getId().id());
	}

	record InvitationResponse(UUID proposalId, String proposalTitle, UUID campaignId, String campaignTitle,
			Instant opens, Instant closes, CallStatus status, Instant invitedAt, boolean applied) {
	}

	@GetMapping("/api/me/referent-invitations")
	List<InvitationResponse> invitations(CurrentUser user) {
		var organisation = user.organisationIfAny().orElseThrow(() -> new ReferentProblem.NotEligible(
				"Votre compte n'est rattaché à aucune collectivité."));
		return queries.invitationsOf(organisation.siren()).stream().map(i -> new InvitationResponse(
				i.call().proposalId(), i.call().proposalTitle(), i.call().campaignId(), i.call().campaignTitle(),
				i.call().opens(), i.call().closes(), i.call().status(), i.invitedAt(), i.applied())).toList();
	}
}
