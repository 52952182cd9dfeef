package org.wenzheng.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import com.zaxxer.hikari.HikariDataSource;

/**
 * With no {@code spring.datasource.url} (and never in the prod profile), the application runs on real PostgreSQL
 * binaries (from Maven Central) so that development, tests and production share one SQL dialect. The data folder survives restarts unless
 * {@code wenzheng.embedded-db.data-dir} is empty, in which case a throw-away folder is used (tests).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(@Value("${wenzheng.embedded-db.data-dir:}") String dataDir,
      @Value("${wenzheng.embedded-db.port:0}") int port) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setServerConfig("timezone", "UTC")
          .setServerConfig("max_connections", "100")
          // The database lives in memory and on SSD: a random read costs about what a sequential one does. With
          // PostgreSQL's default (4, for spinning disks) the planner scans every task to count a queue of a few
          // hundred; with this it looks the queue's tasks up by index (README, "Load and scale").
          .setServerConfig("random_page_cost", "1.1")
          .setPGStartupWait(java.time.Duration.ofSeconds(60))
          // Spring stops the server when the context closes, after the engine; zonky's own JVM hook would stop it
          // concurrently and leave the engine's shutdown waiting for a connection.
          .setRegisterShutdownHook(false);
      if (port > 0) {
        builder.setPort(port);
      }
      if (!dataDir.isBlank()) {
        File dir = new File(dataDir).getAbsoluteFile();
        dir.mkdirs();
        builder.setDataDirectory(dir).setCleanDataDirectory(false);
        log.info("Embedded PostgreSQL keeps its data in {}", dir);
      }
      EmbeddedPostgres postgres = builder.start();
      log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL could not start", e);
    }
  }

  @Bean
  @Primary
  DataSource dataSource(EmbeddedPostgres postgres,
      @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
      @Value("${spring.datasource.hikari.connection-timeout:2500}") long connectionTimeout,
      @Value("${spring.datasource.hikari.validation-timeout:1000}") long validationTimeout) {
    HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
        .url("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres")
        .username("postgres").password("postgres").build();
    ds.setMaximumPoolSize(poolSize);
    ds.setConnectionTimeout(connectionTimeout);
    ds.setValidationTimeout(validationTimeout);
    ds.setPoolName("embedded-postgres");
    return ds;
  }
}
