package cocon.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The checks of RFC 4287 a feed of Cocon must pass (section 4.1): the Atom namespace, a feed with exactly one id,
 * title and updated, an author (the feed's, for every entry), a {@code rel="self"} link; each entry with exactly one
 * id, title and updated; dates as RFC 3339; identifiers as IRIs. Used on the feeds the application serves.
 */
class AtomFeedTests {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	/** Fails unless the document is a valid Atom 1.0 feed; returns the titles of its entries. */
	static List<String> validAtom(String xml) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		var feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
				.getDocumentElement();
		assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(feed.getLocalName()).isEqualTo("feed");
		requireOne(feed, "id");
		requireOne(feed, "title");
		OffsetDateTime.parse(requireOne(feed, "updated"));
		assertThat(children(feed, "author")).as("the feed's author").isNotEmpty();
		assertThat(children(feed, "link")).anyMatch(link -> "self".equals(link.getAttribute("rel"))
				&& link.getAttribute("href").startsWith("http"));
		var titles = new ArrayList<String>();
		for (var entry : children(feed, "entry")) {
			assertThat(requireOne(entry, "id")).matches("^[a-z][a-z0-9+.-]*:.+");
			titles.add(requireOne(entry, "title"));
			OffsetDateTime.parse(requireOne(entry, "updated"));
		}
		return titles;
	}

	private static String requireOne(Element parent, String name) {
		var found = children(parent, name);
		assertThat(found).as("atom:%s of atom:%s", name, parent.getLocalName()).hasSize(1);
		assertThat(found.get(0).getTextContent()).isNotBlank();
		return found.get(0).getTextContent();
	}

	private static List<Element> children(Element parent, String name) {
		var found = new ArrayList<Element>();
		for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	@Test
	void aFeedWithoutItsRequiredElementsIsRefused() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> validAtom("""
				<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>"""))
				.isInstanceOf(AssertionError.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> validAtom("""
				<?xml version="1.0" encoding="utf-8"?><feed><id>urn:x</id><title>t</title><updated>2021-04-30T22:00:00Z</updated></feed>"""))
				.isInstanceOf(AssertionError.class);
	}
}
