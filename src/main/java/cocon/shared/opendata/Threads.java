package cocon.shared.opendata;

/** What the writers of a dataset's file need of the threads they start to read it. */
public final class Threads {

	private Threads() {
	}

	/**
	 * Waits for the thread's end even when interrupted (and interrupts the caller again afterwards): a reading thread
	 * holds a database connection, which must not outlive the write that started it.
	 */
	public static void joinUninterruptibly(Thread thread) {
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			}
			catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
