package cocon.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The digest that stands for a person in the erasure log (ADR 39): an HMAC-SHA256 of their user name with a secret
 * kept outside the database ({@code cocon.personal-data.key}, {@code COCON_PERSONAL_DATA_KEY}). Whoever holds the
 * secret and knows the name can prove the erasure; a copy of the database alone cannot tell whose erasure a row is,
 * even by trying every user name, which a plain SHA-256 allowed.
 * <p>
 * Where the secret comes from: the configuration; otherwise, in the embedded default, a file generated once next to
 * the PostgreSQL data ({@code cle-donnees-personnelles} in the data folder), so that it lives and dies with the data it
 * protects; otherwise, in the demo profile, a secret of this process (the demonstration's erasures are proven until
 * it stops). Any other instance refuses to start without one.
 */
@Component
class SubjectDigest {

	private static final Logger LOG = LoggerFactory.getLogger(SubjectDigest.class);
	static final String KEY_FILE = "cle-donnees-personnelles";
	static final int SHORTEST_KEY = 32;

	private final SecretKeySpec key;

	SubjectDigest(@Value("${cocon.personal-data.key:}") String configured,
			@Value("${cocon.embedded-postgres.data-directory:}") String embeddedData, Environment environment) {
		this.key = new SecretKeySpec(secret(configured, embeddedData, environment).getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
	}

	private static String secret(String configured, String embeddedData, Environment environment) {
		if (!configured.isBlank()) {
			if (configured.strip().length() < SHORTEST_KEY) {
				throw new IllegalStateException("COCON_PERSONAL_DATA_KEY (cocon.personal-data.key) est trop courte : "
						+ SHORTEST_KEY + " caractères au moins, tirés au hasard (par exemple « openssl rand -base64 32 »).");
			}
			return configured.strip();
		}
		if (environment.acceptsProfiles(Profiles.of("embedded")) && !embeddedData.isBlank()) {
			return fromFile(keyFile(Path.of(embeddedData)));
		}
		if (environment.acceptsProfiles(Profiles.of(DemoSignInConfiguration.DEMO))) {
			LOG.warn("Démonstration sans COCON_PERSONAL_DATA_KEY : la clé de l'empreinte du journal des effacements ne vaut "
					+ "que jusqu'à l'arrêt de l'instance.");
			return randomSecret();
		}
		throw new IllegalStateException("COCON_PERSONAL_DATA_KEY manque : le journal des effacements de données "
				+ "personnelles garde une empreinte à clé de l'identifiant de la personne. Donnez une clé secrète de "
				+ SHORTEST_KEY + " caractères au moins (par exemple « openssl rand -base64 32 »), la même pour toutes les "
				+ "instances, gardée hors de la base de données.");
	}

	/** In the folder that holds PostgreSQL's data folder ({@code data/} for {@code data/postgres}). */
	static Path keyFile(Path embeddedData) {
		var data = embeddedData.toAbsolutePath().normalize();
		return (data.getParent() != null ? data.getParent() : data).resolve(KEY_FILE);
	}

	private static String fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				}
				catch (UnsupportedOperationException notPosix) {
					Files.createFile(file);
				}
				Files.writeString(file, randomSecret() + "\n");
				LOG.info("Clé de l'empreinte du journal des effacements créée dans {} (gardez-la avec les données).", file);
			}
			return Files.readString(file).strip();
		}
		catch (FileAlreadyExistsException anotherInstance) {
			return fromFile(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Clé des données personnelles illisible : " + file, e);
		}
	}

	private static String randomSecret() {
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The keyed digest of a user name, 64 hexadecimal digits. */
	String of(String username) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
