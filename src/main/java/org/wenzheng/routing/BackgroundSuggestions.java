package org.wenzheng.routing;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where suggestions for review tasks just created are made: on one background thread, once the transaction that
 * created the task has committed, at most {@code wenzheng.routing.at-creation-per-second} a second on each node (20 by
 * default: a hundred times a large city's average, 0 turns it off). Intake never waits for a suggestion and never
 * shares its two cores with more than that many; what a flood leaves over (beyond the rate, or 100 waiting) is made
 * when the dispatcher opens the form, as before ({@link Routing#suggestionFor}).
 */
@Component
class BackgroundSuggestions implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(BackgroundSuggestions.class);
  static final int WAITING = 100;

  private final Bucket rate;
  private final ThreadPoolExecutor worker;

  BackgroundSuggestions(@Value("${wenzheng.routing.at-creation-per-second:20}") int perSecond) {
    this.rate = perSecond <= 0 ? null : Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
        .build();
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WAITING), r -> {
      Thread t = new Thread(r, "routing-suggest");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.DiscardPolicy());
  }

  /** Runs the job in the background after the current transaction commits (at once without one), if the rate allows. */
  void afterCommit(Runnable job) {
    if (rate == null) {
      return;
    }
    Runnable offer = () -> {
      if (rate.tryConsume(1)) {
        worker.execute(() -> {
          try {
            job.run();
          } catch (RuntimeException e) {
            // The form makes it when it is opened.
            log.warn("A routing suggestion in the background failed: {}", e.toString());
          }
        });
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          offer.run();
        }
      });
    } else {
      offer.run();
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
