package cocon.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataCampaigns;
import cocon.shared.opendata.OpenDataset;
import cocon.shared.opendata.RowSink;
import cocon.shared.opendata.Snapshot;
import cocon.shared.opendata.TableSchema;
import cocon.shared.opendata.TableSchema.Field;
import cocon.shared.opendata.TableSchema.Type;

/**
 * Issue 20, finding 4: polling the catalogue while a dataset's version changes with every support (as the proposals'
 * does) keeps what the catalogue holds bounded, and a version's CSV is written once, not re-rendered to be sized.
 */
class CatalogueMemoryTests {

	/** A dataset whose version changes at each look, like « propositions » during the supports. */
	static class ChangingDataset implements OpenDataset {

		final AtomicLong version = new AtomicLong();
		final AtomicLong renders = new AtomicLong();

		@Override
		public String id() {
			return "propositions";
		}

		@Override
		public String title() {
			return "Propositions";
		}

		@Override
		public String description() {
			return "Une ligne par proposition.";
		}

		@Override
		public TableSchema schema() {
			return new TableSchema(List.of(Field.of("id", Type.STRING, "Identifiant", "").mandatory(),
					Field.of("soutiens", Type.INTEGER, "Soutiens", "")), List.of("id"));
		}

		@Override
		public Optional<Snapshot> snapshot(CampaignId campaign) {
			long v = version.incrementAndGet();
			return Optional.of(new Snapshot(Instant.parse("2021-04-01T10:00:00Z").plusSeconds(v), 2, "v" + v));
		}

		@Override
		public void rows(CampaignId campaign, RowSink sink) {
			renders.incrementAndGet();
			sink.row("a", version.get());
			sink.row("b", 0L);
		}
	}

	@Test
	void pollingWhileTheVersionChangesKeepsTheCatalogueBounded() throws Exception {
		var dataset = new ChangingDataset();
		var beans = new StaticListableBeanFactory(Map.of("dataset", dataset));
		var catalog = new OpenDataCatalog(beans.getBeanProvider(OpenDataset.class),
				beans.getBeanProvider(OpenDataCampaigns.class));
		var campaign = CampaignId.random();
		try {
			for (int i = 0; i < 500; i++) {
				var entries = catalog.entries(campaign);
				assertThat(entries).hasSize(1);
				assertThat(entries.get(0).csvBytes()).as("the size of a small dataset's CSV").isPositive();
			}
			for (var field : OpenDataCatalog.class.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				var value = field.get(catalog);
				if (value instanceof Map<?, ?> map) {
					assertThat(map.size()).as("entries of %s after 500 versions", field.getName()).isLessThanOrEqualTo(16);
				}
				if (value instanceof Collection<?> collection) {
					assertThat(collection.size()).as("items of %s after 500 versions", field.getName())
							.isLessThanOrEqualTo(16);
				}
				if (value != null && value.getClass().getSimpleName().equals("DatasetFiles")) {
					var count = value.getClass().getDeclaredMethod("count");
					count.setAccessible(true);
					assertThat((long) count.invoke(value)).as("files kept after 500 versions").isLessThanOrEqualTo(1);
				}
			}
			assertThat(dataset.renders.get()).as("each version rendered once").isLessThanOrEqualTo(500);
		}
		finally {
			for (var method : OpenDataCatalog.class.getDeclaredMethods()) {
				if (method.getName().equals("deleteFiles")) {
					method.setAccessible(true);
					method.invoke(catalog);
				}
			}
		}
	}
}
