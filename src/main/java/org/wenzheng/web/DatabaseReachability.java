package org.wenzheng.web;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL answers, asked once a second on a connection of its own (not one of the pool's, which under load
 * may all be busy without anything being wrong). While it does not, {@link DatabaseOutageFilter} answers every request
 * at once with 503 instead of letting it wait for a connection, and health reports DOWN ("database"). Nothing else
 * changes: the pool and the engine reconnect by themselves when the server is back, and this notices within a second.
 */
@Component("database")
public class DatabaseReachability implements HealthIndicator, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DatabaseReachability.class);
  private static final int TIMEOUT_SECONDS = 1;

  private final String url;
  private final Properties credentials = new Properties();
  private final DataSource dataSource;
  private ScheduledExecutorService prober;
  private Connection connection;
  private volatile Instant unreachableSince;
  private volatile boolean running;

  DatabaseReachability(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    HikariDataSource hikari = dataSource.isWrapperFor(HikariDataSource.class)
        ? dataSource.unwrap(HikariDataSource.class) : null;
    this.url = hikari == null ? null : hikari.getJdbcUrl();
    if (hikari != null) {
      credentials.setProperty("user", hikari.getUsername());
      if (hikari.getPassword() != null) {
        credentials.setProperty("password", hikari.getPassword());
      }
      credentials.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
      credentials.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS + 1));
      credentials.setProperty("ApplicationName", "wenzheng-reachability");
    }
  }

  /** True unless the last probe failed. */
  public boolean reachable() {
    return unreachableSince == null;
  }

  /** A request failed for want of a connection: believed at once, until the next probe says otherwise. */
  public void failed() {
    if (unreachableSince == null) {
      unreachableSince = Instant.now();
      log.warn("PostgreSQL is unreachable: requests are answered with 503 until it is back");
    }
  }

  /** Asks PostgreSQL now (within about a second) whether it answers; also what the probe of every second does. */
  synchronized boolean probe() {
    boolean ok;
    try {
      if (connection == null || connection.isClosed()) {
        connection = url == null ? dataSource.getConnection() : DriverManager.getConnection(url, credentials);
      }
      ok = connection.isValid(TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException e) {
      ok = false;
    }
    if (ok) {
      Instant since = unreachableSince;
      if (since != null) {
        unreachableSince = null;
        log.info("PostgreSQL is reachable again, after {} s", Duration.between(since, Instant.now()).toSeconds());
      }
    } else {
      close();
      failed();
    }
    return ok;
  }

  private void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the connection is gone either way
      }
      connection = null;
    }
  }

  @Override
  public Health health() {
    Instant since = unreachableSince;
    return since == null ? Health.up().build()
        : Health.down().withDetail("unreachableSince", since.toString()).build();
  }

  @Override
  public synchronized void start() {
    prober = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "database-reachability");
      t.setDaemon(true);
      return t;
    });
    prober.scheduleWithFixedDelay(() -> probe(), 1, 1, TimeUnit.SECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (prober != null) {
      prober.shutdownNow();
      try {
        prober.awaitTermination(3, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      prober = null;
    }
    synchronized (this) {
      close();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
