package cocon.voting.opendata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.shared.CampaignId;
import cocon.shared.Siren;
import cocon.shared.Timestamps;
import cocon.shared.directory.Directory;
import cocon.shared.opendata.DatasetRows;
import cocon.shared.opendata.RowSink;
import cocon.shared.opendata.Snapshot;
import cocon.shared.opendata.SqlDataset;
import cocon.shared.opendata.TableSchema;
import cocon.shared.opendata.TableSchema.Field;
import cocon.shared.opendata.TableSchema.ForeignKey;
import cocon.shared.opendata.TableSchema.Type;
import cocon.shared.opendata.Threads;

/**
 * The {@code soutiens} dataset: one row per support in force (withdrawn ones are absent), the collectivité as it was
 * when it supported, its INSEE code from the directory. No agent or élu: who clicked stays in voting.
 * <p>
 * 2.3 million rows are streamed: a server-side cursor (a read-only transaction and a fetch size, without which the
 * PostgreSQL driver reads the whole result first) hands rows to the sink as they come, nothing is collected. The INSEE
 * codes of the campaign's collectivités are looked up once before (bounded by the directory, ~37 000).
 */
@Component
class SupportsDataset extends SqlDataset {

	static final int FETCH_SIZE = 2_000;

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("proposition_id", Type.STRING, "Proposition", "Identifiant de la proposition soutenue (jeu « propositions »)")
					.mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("siren", Type.STRING, "SIREN", "SIREN de la collectivité qui soutient").mandatory()
					.pattern("^[0-9]{9}$").example("216901231"),
			Field.of("nom", Type.STRING, "Nom", "Nom officiel de la collectivité au moment du soutien").mandatory()
					.example("Lyon"),
			Field.of("nature", Type.STRING, "Nature", "Nature de la collectivité").mandatory().values(DatasetRows.KINDS),
			Field.of("code_insee", Type.STRING, "Code INSEE",
					"Code officiel géographique (commune, département ou région ; SIREN pour un EPCI), écrit comme du texte ; "
							+ "plusieurs codes séparés par « ; » pour une collectivité qui couvre plusieurs départements "
							+ "(Collectivité de Corse : 2A;2B)")
					.pattern("^[0-9AB]{2,9}(;[0-9AB]{2,9})*$").example("69123"),
			Field.of("departement", Type.STRING, "Département", "Code INSEE du département (texte : 01, 2A, 974)")
					.pattern("^[0-9AB]{2,3}$").example("69"),
			Field.of("region", Type.STRING, "Région", "Code INSEE de la région").pattern("^[0-9]{2}$").example("84"),
			Field.of("population", Type.INTEGER, "Population", "Population de la collectivité (population municipale pour une commune)")
					.mandatory(),
			Field.of("date_soutien", Type.DATETIME, "Date et heure du soutien",
					"Instant du soutien, ISO 8601 avec le décalage horaire de Paris").mandatory()
					.example("2021-04-01T09:30:00+02:00")),
			List.of("proposition_id", "siren"),
			List.of(new ForeignKey(List.of("proposition_id"), "propositions", List.of("id"))));

	private final JdbcTemplate cursor;
	private final TransactionTemplate readOnly;
	private final ObjectProvider<Directory> directory;

	SupportsDataset(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
			ObjectProvider<Directory> directory) {
		super(jdbc, "soutiens", "Soutiens",
				"Une ligne par soutien en vigueur d'une collectivité à une proposition publiée : la collectivité (SIREN, "
						+ "nom, nature, codes INSEE, population) et l'instant du soutien. Les soutiens retirés n'y figurent "
						+ "pas (leur nombre par proposition est dans « propositions ») ; aucun nom d'agent ni d'élu.",
				SCHEMA);
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(FETCH_SIZE);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.directory = directory;
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		// the version counts supports given (in force + ended) and ended: both only grow, so any change changes it
		return querySnapshot(campaign, """
				select c.as_of,
				       (select coalesce(sum(t.support_count), 0) from voting.tally t
				          join voting.proposal p on p.id = t.proposal_id
				         where p.campaign_id = c.id and p.merged_into is null) as in_force,
				       (select count(*) from voting.support_history h where h.campaign_id = c.id) as ended,
				       (select max(h.ended_at) from voting.support_history h where h.campaign_id = c.id) as last_ended,
				       (select max(s.supported_at) from voting.support s where s.campaign_id = c.id) as last_given
				from voting.campaign c where c.id = :campaign""",
				rs -> {
					var last = DatasetRows.latest(rs, "as_of", "last_given", "last_ended");
					long inForce = rs.getLong("in_force");
					return Snapshot.counting(last, inForce, inForce, rs.getLong("ended"));
				});
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		// the INSEE codes (a scan of its own, about 1 s of PostgreSQL at 2.3 million rows) are looked up on another
		// connection while PostgreSQL sorts the rows, before the first of them comes
		var codes = new CompletableFuture<InseeCodes>();
		var lookup = new Thread(() -> {
			try {
				codes.complete(inseeCodes(campaign));
			}
			catch (Throwable failure) {
				codes.completeExceptionally(failure);
			}
		}, "donnees-ouvertes-insee");
		lookup.setDaemon(true);
		lookup.start();
		try {
			read(campaign, sink, codes);
		}
		finally {
			Threads.joinUninterruptibly(lookup);
		}
	}

	private void read(CampaignId campaign, RowSink sink, CompletableFuture<InseeCodes> codes) {
		var insee = new InseeCodes[1];
		readOnly.executeWithoutResult(status -> {
			// One pass over the table and one sort, rather than the primary key's order: read through the key, the
			// rows of a proposal lie all over the table (supports come in time order), a heap page fetched for nearly
			// every row (19 s of PostgreSQL against 5 on 2.3 million rows, ADR 0069). The campaign has no index of its
			// own, so the table is read whole either way; this transaction only.
			cursor.execute("set local enable_indexscan = off");
			cursor.query("""
				select proposal_id, siren, name, kind, departement, region, population, supported_at
				from voting.support where campaign_id = ? order by proposal_id, siren collate "C\"""",
				// by position (a column looked up by name costs 2.3 million searches); a uuid's text is already the
				// lower-case form the datasets write; the SIREN's nine digits sort alike in every collation, the
				// byte-wise "C" the fastest
				rs -> {
					if (insee[0] == null) {
						try {
							insee[0] = codes.join();
						}
						catch (CompletionException failed) {
							throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
						}
					}
					var siren = rs.getString(2);
					sink.row(rs.getString(1), siren, rs.getString(3), DatasetRows.kind(rs.getString(4)),
							insee[0].of(Integer.parseInt(siren)), Codes.blankToNull(rs.getString(5)),
							Codes.blankToNull(rs.getString(6)), rs.getLong(7), Timestamps.instant(rs, 8));
				}, campaign.id());
		});
	}

	/**
	 * By the SIREN's number: a SIREN's nine digits fit an int (string hashes of the directory's SIRENs chained in a
	 * hash map's buckets). In a sorted array rather than a map: within a proposal the rows come SIREN by SIREN, so
	 * that the next one is found a step or two further (a map's lookups, cache misses for 2.3 million rows, were a
	 * third of the reading thread's time).
	 */
	static final class InseeCodes {

		private final int[] sirens;
		private final String[] codes;
		private int next;

		InseeCodes(Map<Integer, String> codes) {
			this.sirens = codes.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
			this.codes = new String[sirens.length];
			for (int i = 0; i < sirens.length; i++) {
				this.codes[i] = codes.get(sirens[i]);
			}
		}

		/** The code of this SIREN, or null. */
		String of(int siren) {
			int i = next;
			for (int steps = 0; steps < 8 && i < sirens.length && sirens[i] < siren; steps++) {
				i++;
			}
			if (i >= sirens.length || sirens[i] != siren) {
				i = Arrays.binarySearch(sirens, siren);
				if (i < 0) {
					return null;
				}
			}
			next = i + 1;
			return codes[i];
		}
	}

	private InseeCodes inseeCodes(CampaignId campaign) {
		var codes = new HashMap<Integer, String>();
		var lookup = directory.getIfAvailable();
		if (lookup == null) {
			return new InseeCodes(codes);
		}
		var sirens = jdbc().sql("select distinct siren from voting.support where campaign_id = ?")
				.param(campaign.id()).query(String.class).list();
		for (int from = 0; from < sirens.size(); from += 5_000) {
			var batch = new ArrayList<Siren>();
			sirens.subList(from, Math.min(sirens.size(), from + 5_000)).forEach(s -> batch.add(Siren.of(s)));
			lookup.findAll(batch).forEach((siren, c) -> codes.put(Integer.valueOf(siren.value()), c.inseeCode()));
		}
		return new InseeCodes(codes);
	}

}
