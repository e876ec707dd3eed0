package cocon.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import cocon.directory.DirectoryData.Area;
import cocon.directory.DirectoryData.Entry;
import cocon.directory.DirectoryData.Membership;
import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the directory's sources from the classpath: the open data of {@code @etalab/decoupage-administratif}
 * (copied there by the build from npm) and {@code directory/collectivites-hors-communes.csv} (a resource of the
 * project, see {@code directory/README.md}), and merges them into one {@link DirectoryData}.
 */
@Component
class DirectorySources {

	static final String PACKAGE = "directory/decoupage-administratif/";
	static final String CSV = "directory/collectivites-hors-communes.csv";

	private final JsonMapper json = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

	/** The versions of the sources, cheap to compute: whether a load is needed is decided from them. */
	record Versions(String packageVersion, String csvChecksum) {
	}

	Versions versions() {
		return new Versions(packageVersion(), sha256(bytes(CSV)));
	}

	DirectoryData read() {
		var departements = this.<List<JsonDepartement>>readJson("data/departements.json", new TypeReference<>() {
		});
		var regions = this.<List<JsonRegion>>readJson("data/regions.json", new TypeReference<>() {
		});
		var communes = this.<List<JsonCommune>>readJson("data/communes.json", new TypeReference<>() {
		});
		var epcis = this.<List<JsonEpci>>readJson("data/epci.json", new TypeReference<>() {
		});
		byte[] csv = bytes(CSV);

		List<Area> areas = new ArrayList<>();
		Map<String, String> regionOfDepartement = new HashMap<>();
		for (var departement : departements) {
			areas.add(new Area("departement", departement.code(), departement.nom(), departement.region()));
			regionOfDepartement.put(departement.code(), departement.region());
		}
		for (var region : regions) {
			areas.add(new Area("region", region.code(), region.nom(), null));
		}

		Map<String, Entry> entries = new LinkedHashMap<>();
		Map<String, Long> populationOfDepartement = new HashMap<>();
		Map<String, Long> populationOfRegion = new HashMap<>();
		Map<String, Entry> communeBySiren = new HashMap<>();
		for (var commune : communes) {
			// only current communes have a SIREN of their own; those of the collectivités d'outre-mer have none
			if (!"commune-actuelle".equals(commune.type()) || !Siren.isValid(commune.siren())) {
				continue;
			}
			long population = commune.population() == null ? 0 : commune.population();
			var entry = new Entry(commune.siren(), commune.nom(), CollectiviteKind.COMMUNE, commune.code(), null,
					commune.departement(), commune.region(), population, DirectoryData.PACKAGE_SOURCE);
			entries.put(entry.siren(), entry);
			communeBySiren.put(entry.siren(), entry);
			populationOfDepartement.merge(commune.departement(), population, Long::sum);
			populationOfRegion.merge(commune.region(), population, Long::sum);
		}

		List<Membership> members = new ArrayList<>();
		for (var epci : epcis) {
			if (!Siren.isValid(epci.code())) {
				continue;
			}
			List<Entry> memberCommunes = epci.membres() == null ? List.of()
					: epci.membres().stream().map(member -> communeBySiren.get(member.siren()))
							.filter(member -> member != null).toList();
			memberCommunes.forEach(member -> members.add(new Membership(epci.code(), member.siren())));
			String departement = single(memberCommunes.stream().map(Entry::departement).collect(Collectors.toSet()));
			String region = single(memberCommunes.stream().map(Entry::region).collect(Collectors.toSet()));
			long population = epci.populationTotale() == null ? 0 : epci.populationTotale();
			entries.put(epci.code(), new Entry(epci.code(), epci.nom(), CollectiviteKind.EPCI, epci.code(), epci.type(),
					departement, region, population, DirectoryData.PACKAGE_SOURCE));
		}

		for (var row : csvRows(csv)) {
			var known = entries.get(row.siren());
			if (known != null) {
				// Ville de Paris (a commune) and the Métropole de Lyon (listed as an EPCI): statut particulier
				entries.put(row.siren(), known.as(row.kind(), row.name(),
						DirectoryData.PACKAGE_SOURCE + "+" + DirectoryData.CSV_SOURCE));
				continue;
			}
			Entry entry = switch (row.kind()) {
				case REGION -> new Entry(row.siren(), row.name(), row.kind(), row.codes().get(0), null, null,
						row.codes().get(0), populationOfRegion.getOrDefault(row.codes().get(0), 0L), DirectoryData.CSV_SOURCE);
				default -> new Entry(row.siren(), row.name(), row.kind(), String.join(";", row.codes()), null,
						row.codes().size() == 1 ? row.codes().get(0) : null,
						single(row.codes().stream().map(regionOfDepartement::get).collect(Collectors.toSet())),
						row.codes().stream().mapToLong(code -> populationOfDepartement.getOrDefault(code, 0L)).sum(),
						DirectoryData.CSV_SOURCE);
			};
			entries.put(entry.siren(), entry);
		}
		return new DirectoryData(packageVersion(), sha256(csv), List.copyOf(entries.values()), List.copyOf(members),
				List.copyOf(areas));
	}

	record CsvRow(String siren, String name, List<String> codes, CollectiviteKind kind) {
	}

	/** The CSV has no quoted field (no comma in its names); its header is checked so a change of shape fails. */
	static List<CsvRow> csvRows(byte[] csv) {
		var lines = new String(csv, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
		if (lines.isEmpty() || !lines.get(0).startsWith("siren,name,insee_code,kind,source")) {
			throw new IllegalStateException(CSV + " : en-tête inattendu");
		}
		List<CsvRow> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.split(",", 5);
			if (fields.length < 4 || !Siren.isValid(fields[0])) {
				throw new IllegalStateException(CSV + " : ligne invalide « " + line + " »");
			}
			CollectiviteKind kind = switch (fields[3]) {
				case "departement" -> CollectiviteKind.DEPARTEMENT;
				case "region" -> CollectiviteKind.REGION;
				case "ctu", "collectivite-particuliere" -> CollectiviteKind.COLLECTIVITE_PARTICULIERE;
				default -> throw new IllegalStateException(CSV + " : nature inconnue « " + fields[3] + " »");
			};
			rows.add(new CsvRow(fields[0], fields[1], Arrays.asList(fields[2].split(";")), kind));
		}
		return rows;
	}

	private static String single(Set<String> values) {
		return values.size() == 1 ? values.iterator().next() : null;
	}

	private String packageVersion() {
		var manifest = this.<Map<String, Object>>readJson("package.json", new TypeReference<>() {
		});
		return String.valueOf(manifest.get("version"));
	}

	private <T> T readJson(String path, TypeReference<T> type) {
		try (InputStream in = resource(PACKAGE + path).getInputStream()) {
			return json.readValue(in, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Lecture impossible de " + PACKAGE + path, e);
		}
	}

	private static byte[] bytes(String path) {
		try (InputStream in = resource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Lecture impossible de " + path, e);
		}
	}

	private static Resource resource(String path) {
		var resource = new ClassPathResource(path);
		if (!resource.exists()) {
			throw new IllegalStateException("Ressource absente du classpath : " + path
					+ " (les données de @etalab/decoupage-administratif sont copiées par le build Maven)");
		}
		return resource;
	}

	private static String sha256(byte[] bytes) {
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	record JsonDepartement(String code, String nom, String region) {
	}

	record JsonRegion(String code, String nom) {
	}

	record JsonCommune(String code, String nom, String type, String siren, Long population, String departement,
			String region) {
	}

	record JsonEpci(String code, String nom, String type, Long populationTotale, List<JsonMember> membres) {
	}

	record JsonMember(String code, String siren, String nom) {
	}
}
