package cocon.shared.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The weak {@code ETag} of a public answer's bytes (ADR 0037, 0061): one recipe for the answers that make their tag
 * once (a campaign's lists, the DCAT catalogue) and for the filter that makes it for the others, so that the same
 * bytes always carry the same tag. Weak, because the servlet container compresses only under a weak ETag.
 */
public final class WeakEtags {

	private WeakEtags() {
	}

	/** {@code W/"<first 16 bytes of the SHA-256 of the body, in hex>"}. */
	public static String of(byte[] body) {
		try {
			return "W/\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
