package cocon.notifications;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A mail's words, written once for every recipient, in plain text and in HTML with the State's look (the bloc-marque
 * « République française », DSFR blue, no image, so no tracking pixel). The footer each recipient gets (their
 * unsubscribe link and their preferences) is added when it is sent: {@link #footer}.
 *
 * @param subject the subject line
 * @param greeting « Bonjour, » or « Bonjour Camille Martin, »
 * @param paragraphs what happened, one paragraph each
 * @param linkLabel what the link leads to, or null
 * @param linkUrl the link, or null
 */
record Mail(String subject, String greeting, List<String> paragraphs, String linkLabel, String linkUrl) {

	static final String SIGNATURE = "L'équipe Cocon — Incubateur des territoires (ANCT)";
	static final String AUTOMATIC = "Ce message vous est envoyé automatiquement, merci de ne pas y répondre.";

	static final String BLUE = "#000091";

	Mail {
		paragraphs = List.copyOf(paragraphs);
	}

	static Mail of(String subject, List<String> paragraphs, String linkLabel, String linkUrl) {
		return new Mail(subject, "Bonjour,", paragraphs, linkLabel, linkUrl);
	}

	String text() {
		var text = new StringBuilder(greeting).append("\n\n");
		paragraphs.forEach(paragraph -> text.append(paragraph).append("\n\n"));
		if (linkUrl != null) {
			text.append(linkLabel).append(" : ").append(linkUrl).append("\n\n");
		}
		return text.append(SIGNATURE).append('\n').append(AUTOMATIC).toString();
	}

	String html() {
		var html = new StringBuilder();
		html.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").append(escape(subject))
				.append("</title></head><body style=\"margin:0;padding:0;background:#f6f6f6;")
				.append("font-family:Marianne,Arial,sans-serif;color:#161616\">")
				.append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff\">")
				.append("<div style=\"padding:16px 24px;border-bottom:4px solid ").append(BLUE).append("\">")
				.append("<p style=\"margin:0;font-weight:700;font-size:14px;line-height:1.2;text-transform:uppercase\">")
				.append("République<br>française</p>")
				.append("<p style=\"margin:8px 0 0;font-weight:700;font-size:18px;color:").append(BLUE).append("\">Cocon</p>")
				.append("</div><div style=\"padding:24px;font-size:16px;line-height:1.5\">");
		html.append("<p>").append(escape(greeting)).append("</p>");
		paragraphs.forEach(paragraph -> html.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>"));
		if (linkUrl != null) {
			html.append("<p><a href=\"").append(escape(linkUrl)).append("\" style=\"color:").append(BLUE)
					.append(";font-weight:700\">").append(escape(linkLabel)).append("</a></p>");
		}
		html.append("<p>").append(escape(SIGNATURE)).append("</p></div>");
		return html.toString();
	}

	/** What every mail ends with, for its recipient: why they get it, and how to stop it in one click. */
	static String footerText(String unsubscribeUrl, String preferencesUrl) {
		return "\n\n--\n" + AUTOMATIC
				+ (unsubscribeUrl == null ? "" : "\nNe plus recevoir ce type de message : " + unsubscribeUrl)
				+ (preferencesUrl == null ? "" : "\nChoisir les messages que vous recevez : " + preferencesUrl) + "\n";
	}

	/** The HTML footer; either link may be null (a subscriber has no preferences, a confirmation no unsubscribe). */
	static String footerHtml(String unsubscribeUrl, String preferencesUrl) {
		var links = new java.util.ArrayList<String>();
		if (unsubscribeUrl != null) {
			links.add("<a href=\"" + escape(unsubscribeUrl) + "\" style=\"color:" + BLUE
					+ "\">Ne plus recevoir ce type de message</a>");
		}
		if (preferencesUrl != null) {
			links.add("<a href=\"" + escape(preferencesUrl) + "\" style=\"color:" + BLUE
					+ "\">Choisir les messages que vous recevez</a>");
		}
		return "<div style=\"padding:16px 24px;border-top:1px solid #dddddd;font-size:14px;color:#3a3a3a\"><p>"
				+ escape(AUTOMATIC) + "</p>" + (links.isEmpty() ? "" : "<p>" + String.join(" · ", links) + "</p>")
				+ "</div></div></body></html>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
