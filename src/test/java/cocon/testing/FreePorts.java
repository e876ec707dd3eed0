package cocon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for what a test starts itself and binds a moment later (a PostgreSQL, a process of the application, an SMTP
 * or OpenID server), or binds again after a restart. The test JVMs run side by side (ADR 0056): a port asked of the
 * kernel ({@code new ServerSocket(0)}) comes from its ephemeral range, from which the other JVM's outgoing
 * connections also take their local ports, so it could be taken before the test binds it. These ports are below
 * that range, where the kernel never hands one out by itself, and each JVM of the run has a window of its own
 * ({@code cocon.test.fork}, set by Surefire), so two JVMs of one run never pick the same one. A port still in use
 * (another run on the machine) is skipped.
 */
public final class FreePorts {

	private static final int WINDOW = 2_000;

	private static final int FORKS = 4;

	private static int next = -1;

	private FreePorts() {
	}

	/** A port nothing listens on, in this JVM's window; the same port is never given twice in a JVM. */
	public static synchronized int next() {
		int ephemeralStart = ephemeralRangeStart();
		int fork = fork();
		int windowStart = ephemeralStart - WINDOW * (FORKS + 1 - fork);
		if (windowStart < 1_024) {
			return anyPort();
		}
		if (next < 0) {
			// where a concurrent run of the suite on the same machine starts is unlikely to be where this one does
			next = ThreadLocalRandom.current().nextInt(WINDOW);
		}
		for (int tried = 0; tried < WINDOW; tried++) {
			int port = windowStart + next;
			next = (next + 1) % WINDOW;
			if (free(port)) {
				return port;
			}
		}
		return anyPort();
	}

	/** This JVM's number in the run, 1 to {@value #FORKS} (1 when the tests run outside Surefire). */
	static int fork() {
		try {
			int fork = Integer.parseInt(System.getProperty("cocon.test.fork", "1"));
			return Math.floorMod(fork - 1, FORKS) + 1;
		}
		catch (NumberFormatException e) {
			return 1;
		}
	}

	private static int ephemeralRangeStart() {
		try {
			// read as a stream: Files.readString trusts the size /proc reports and may stop short
			try (var reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
				return Integer.parseInt(reader.readLine().strip().split("\\s+")[0]);
			}
		}
		catch (IOException | RuntimeException e) {
			return 32_768; // Linux's default; other systems have their own (49152 and up), also above the windows
		}
	}

	private static boolean free(int port) {
		try (var socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static int anyPort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
