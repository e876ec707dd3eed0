package cocon.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notifications at the scale of France (issue 24, acceptance 4): a phase opening to {@code --people} agents
 * (40,000 by default) of a FIXTURE written through JDBC is queued by the running server's calendar check (one
 * {@code INSERT … SELECT}), then drained to a local SMTP sink of this process at the server's configured pace
 * ({@code COCON_NOTIFICATIONS_MAILS_PER_SECOND}), while the server's VmRSS is sampled. Not a test: it targets a running
 * instance on localhost only, started with {@code SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=<--smtp-port>}
 * (docs/performance.md). The sink keeps no mail: it counts them.
 */
public final class NotificationsBenchmark {

	private final Map<String, String> options;
	private final AtomicLong received = new AtomicLong();

	private NotificationsBenchmark(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		var options = SupportsExportBenchmark.options(args);
		if (options.containsKey("help") || !options.containsKey("jdbc-url") || !options.containsKey("pid")) {
			System.out.println("""
					NotificationsBenchmark --pid SERVER_PID --jdbc-url jdbc:postgresql://localhost:PORT/postgres
					  [--jdbc-user postgres] [--jdbc-password postgres] [--smtp-port 2525] [--people 40000]
					  [--max-seconds 3600]

					Listens as an SMTP sink on --smtp-port (the server's SPRING_MAIL_PORT), writes a FIXTURE through JDBC
					(--people agents of communes, known as a sign-in makes them known, and a campaign whose supports open
					in a few seconds), waits for the server's calendar check (every minute) to queue the opening, says
					how long the queuing took, then counts the mails received until all arrived, with the server's VmRSS.""");
			return;
		}
		new NotificationsBenchmark(options).run();
	}

	private void run() throws Exception {
		int people = Integer.parseInt(options.getOrDefault("people", "40000"));
		int port = Integer.parseInt(options.getOrDefault("smtp-port", "2525"));
		long maxSeconds = Long.parseLong(options.getOrDefault("max-seconds", "3600"));
		String pid = options.get("pid");
		System.out.printf(Locale.ROOT, "Machine : %d processeurs, charge %s%n", Runtime.getRuntime().availableProcessors(),
				SupportsExportBenchmark.load());
		var sink = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		var sessions = Executors.newFixedThreadPool(8);
		var acceptor = new Thread(() -> accept(sink, sessions), "puits-smtp");
		acceptor.setDaemon(true);
		acceptor.start();

		var prefix = "banc-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		var campaign = UUID.randomUUID();
		try (Connection db = DriverManager.getConnection(options.get("jdbc-url"), options.getOrDefault("jdbc-user", "postgres"),
				options.getOrDefault("jdbc-password", "postgres"))) {
			long start = System.nanoTime();
			try (var insert = db.prepareStatement("""
					insert into notifications.recipient (recipient_key, email, siren, organisation_kind, roles, token, seen_at)
					select ? || g, ? || g || '@commune.example', '8' || lpad(g::text, 8, '0'), 'COMMUNE', '{AGENT}',
					       ? || md5(g::text), now()
					from generate_series(1, ?) g""")) {
				insert.setString(1, prefix);
				insert.setString(2, prefix);
				insert.setString(3, prefix);
				insert.setInt(4, people);
				insert.executeUpdate();
			}
			try (var insert = db.prepareStatement("""
					insert into notifications.campaign (id, title, contributions_opens, contributions_closes, supports_opens,
					    supports_closes, shortlist_decision, funding_decision, support_kinds, working_group_kinds, as_of)
					values (?, 'Banc des notifications', now() - interval '60 days', now() - interval '30 days',
					        now() + interval '2 seconds', now() + interval '30 days', current_date + 35, current_date + 90,
					        '{COMMUNE}', '{COMMUNE}', now())""")) {
				insert.setObject(1, campaign);
				insert.executeUpdate();
			}
			System.out.printf(Locale.ROOT, "FIXTURE : %d agents écrits en %.1f s ; ouverture des soutiens dans 2 s%n", people,
					(System.nanoTime() - start) / 1e9);

			// the queuing commits the message and its rows together: its duration is from the message's instant to then
			var key = "supports-open:" + campaign + ":%";
			Timestamp written = null;
			long queued = 0;
			long deadline = System.nanoTime() + 90_000_000_000L;
			while (System.nanoTime() < deadline && queued == 0) {
				try (var count = db.prepareStatement("""
						select m.created_at, count(o.id) from notifications.message m
						join notifications.outbox o on o.message_id = m.id where m.notification_key like ? group by m.created_at""")) {
					count.setString(1, key);
					try (var rs = count.executeQuery()) {
						if (rs.next()) {
							written = rs.getTimestamp(1);
							queued = rs.getLong(2);
						}
					}
				}
				if (queued == 0) {
					Thread.sleep(20);
				}
			}
			if (queued == 0) {
				System.out.println("Rien n'a été mis en file en 90 s : le serveur tourne-t-il avec son contrôle du calendrier ?");
				return;
			}
			var visible = System.currentTimeMillis();
			System.out.printf(Locale.ROOT, "Mise en file : %d courriels en %.2f s (du début de l'écriture à sa validation, à 20 ms près)%n",
					queued, (visible - written.getTime()) / 1000.0);

			long drainStart = System.nanoTime();
			long maxRss = 0;
			long lastReport = 0;
			while (received.get() < queued && (System.nanoTime() - drainStart) / 1_000_000_000L < maxSeconds) {
				Thread.sleep(500);
				long rss = SupportsExportBenchmark.rss(pid);
				maxRss = Math.max(maxRss, rss);
				long seconds = (System.nanoTime() - drainStart) / 1_000_000_000L;
				if (seconds - lastReport >= 10) {
					lastReport = seconds;
					System.out.printf(Locale.ROOT, "  %4d s : %d reçus (%.1f/s), VmRSS %d Mo%n", seconds, received.get(),
							received.get() / Math.max(1.0, (System.nanoTime() - drainStart) / 1e9), rss / (1024 * 1024));
				}
			}
			double drain = (System.nanoTime() - drainStart) / 1e9;
			System.out.printf(Locale.ROOT, "Envoi : %d courriels reçus par le puits en %.1f s, soit %.1f/s ; VmRSS max %d Mo%n",
					received.get(), drain, received.get() / drain, maxRss / (1024 * 1024));
			cleanUp(db, prefix, campaign);
		}
		finally {
			sink.close();
			sessions.shutdownNow();
		}
	}

	private static void cleanUp(Connection db, String prefix, UUID campaign) throws SQLException {
		try (var statement = db.createStatement()) {
			statement.executeUpdate("delete from notifications.outbox where recipient_key like '" + prefix + "%'");
			statement.executeUpdate("delete from notifications.recipient where recipient_key like '" + prefix + "%'");
			statement.executeUpdate("delete from notifications.campaign where id = '" + campaign + "'");
		}
	}

	private void accept(ServerSocket sink, java.util.concurrent.ExecutorService sessions) {
		while (!sink.isClosed()) {
			try {
				var socket = sink.accept();
				sessions.execute(() -> session(socket));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	/** Just enough SMTP to take mails and forget them. */
	private void session(Socket socket) {
		try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 puits SMTP du banc");
			String line;
			while ((line = in.readLine()) != null) {
				var command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 puits");
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 fin par <CRLF>.<CRLF>");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// the body is read and forgotten
					}
					received.incrementAndGet();
					reply(out, "250 reçu");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 au revoir");
					return;
				}
				else {
					reply(out, "250 OK");
				}
			}
		}
		catch (IOException e) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}
}
