package cocon.shared.identity;

/**
 * Whether a person holds a seat on the current committee of a campaign. Governance, which names the committees,
 * answers it; identity asks it at sign-in, because the committee's decisions need a multi-factor sign-in as the staff
 * roles do (issue 20, finding 9), while a seat is no platform role.
 */
public interface CommitteeSeats {

	boolean seated(String username);
}
