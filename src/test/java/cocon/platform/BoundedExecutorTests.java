package cocon.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedExecutorTests {

	@Test
	void runsAtMostItsBoundAtOnceAndNeverMakesTheCallerWait() throws Exception {
		var threads = Executors.newCachedThreadPool();
		try {
			var bounded = new BoundedExecutor(threads, 3);
			var running = new AtomicInteger();
			var most = new AtomicInteger();
			var release = new CountDownLatch(1);
			var done = new CountDownLatch(40);
			long start = System.nanoTime();
			for (int i = 0; i < 40; i++) {
				bounded.execute(() -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					try {
						release.await();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					running.decrementAndGet();
					done.countDown();
				});
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("40 tasks handed over while none can finish")
					.isLessThan(Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 3);
			// the others wait for their turn on their own threads, not one more starts
			await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
				.until(() -> running.get() == 3 && most.get() == 3);
			assertThat(done.getCount()).isEqualTo(40);

			release.countDown();
			assertThat(done.await(10, TimeUnit.SECONDS)).as("every task ran").isTrue();
			assertThat(most.get()).isEqualTo(3);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aTaskWhoseThreadIsInterruptedWhileItWaitsForItsTurnIsNotRun() throws Exception {
		var threads = new java.util.ArrayList<Thread>();
		var bounded = new BoundedExecutor(task -> {
			var thread = new Thread(task);
			threads.add(thread);
			thread.start();
		}, 1);
		var release = new CountDownLatch(1);
		var ran = new AtomicInteger();
		bounded.execute(() -> {
			try {
				release.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		bounded.execute(ran::incrementAndGet);
		var waiting = threads.get(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getState() == Thread.State.WAITING);
		waiting.interrupt(); // the application stops
		waiting.join(5_000);
		release.countDown();
		threads.get(0).join(5_000);

		assertThat(waiting.isAlive()).isFalse();
		assertThat(ran.get()).as("the interrupted task").isZero();
		bounded.execute(ran::incrementAndGet);
		threads.get(2).join(5_000);
		assertThat(ran.get()).as("the permit of the interrupted task was never taken").isEqualTo(1);
	}

	@Test
	void refusesABoundBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedExecutor(Runnable::run, 0));
	}
}
