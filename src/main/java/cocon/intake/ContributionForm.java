package cocon.intake;

/** The contribution form as the browser posts it. */
class ContributionForm {

	private String title;
	private String need;
	private String theme;
	private String authorRole;
	private String authorFunction;

	Submission submission() {
		return new Submission(title, need, theme, authorRole, authorFunction);
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getNeed() {
		return need;
	}

	public void setNeed(String need) {
		this.need = need;
	}

	public String getTheme() {
		return theme;
	}

	public void setTheme(String theme) {
		this.theme = theme;
	}

	public String getAuthorRole() {
		return authorRole;
	}

	public void setAuthorRole(String authorRole) {
		this.authorRole = authorRole;
	}

	public String getAuthorFunction() {
		return authorFunction;
	}

	public void setAuthorFunction(String authorFunction) {
		this.authorFunction = authorFunction;
	}
}
