package org.wenzheng.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.FormFacts;

/** Our additions to the process engine's configuration. */
@Component
class EngineConfiguration extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

  private final ObjectProvider<FormFacts> formFacts;
  private final String cleanupFrom;
  private final String cleanupTo;
  private final ZoneId officeZone;

  EngineConfiguration(ObjectProvider<FormFacts> formFacts,
      @Value("${wenzheng.history.cleanup-window.from:01:00}") String cleanupFrom,
      @Value("${wenzheng.history.cleanup-window.to:05:00}") String cleanupTo,
      @Value("${wenzheng.calendar.zone:Asia/Shanghai}") ZoneId officeZone) {
    this.formFacts = formFacts;
    this.cleanupFrom = cleanupFrom;
    this.cleanupTo = cleanupTo;
    this.officeZone = officeZone;
  }

  /**
   * Camunda reads its history-cleanup window in the JVM's time zone. The window is configured in office time (the
   * night in Chengdu), and set here in the JVM's zone, whatever that is: on a server running in UTC, 01:00-05:00
   * becomes 17:00-21:00, still the city's night.
   */
  static String inJvmZone(String officeTime, ZoneId officeZone) {
    LocalTime t = LocalTime.parse(officeTime);
    return t.atDate(LocalDate.now(officeZone)).atZone(officeZone).withZoneSameInstant(ZoneId.systemDefault())
        .toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupBatchWindowStartTime(inJvmZone(cleanupFrom, officeZone));
    configuration.setHistoryCleanupBatchWindowEndTime(inJvmZone(cleanupTo, officeZone));
    CachedOgnlProperties.install();
    configuration.setIdGenerator(new CompactIds());
    List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    post.add(new RejectedInputInterceptor());
    Map<String, Set<String>> fields = FormFields.byForm();
    post.add(new SubmittedValuesInterceptor(fields));
    // The beans behind the forms' facts need the engine's services, which exist only after the engine: look up late.
    post.add(new FormFactsInterceptor(formFacts::getObject, fields));
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
    List<org.camunda.bpm.engine.impl.interceptor.SessionFactory> sessions =
        configuration.getCustomSessionFactories() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.addAll(LeanSessions.factories());
    configuration.setCustomSessionFactories(sessions);

    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new AuditHistoryLevel(FormFields.allKeys(fields)));
    configuration.setCustomHistoryLevels(levels);
    if (AuditHistoryLevel.NAME.equals(configuration.getHistory())) {
      adoptHistoryLevel(configuration.getDataSource());
    }
  }

  /**
   * The engine records its history level in its database and refuses to start when the configuration names another
   * one. A database that ran with Camunda's FULL level (as this application did until it had its own) is moved to
   * ours; the history written until then keeps all its rows.
   */
  private static void adoptHistoryLevel(DataSource dataSource) {
    if (dataSource == null) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      try (ResultSet tables = c.getMetaData().getTables(null, null, "act_ge_property", null)) {
        if (!tables.next()) {
          return; // a new database: the engine records our level when it creates its tables
        }
      }
      try (PreparedStatement update = c.prepareStatement("update ACT_GE_PROPERTY set VALUE_ = ?, REV_ = REV_ + 1 "
          + "where NAME_ = 'historyLevel' and VALUE_ = ?")) {
        update.setString(1, String.valueOf(AuditHistoryLevel.ID));
        update.setString(2, String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        if (update.executeUpdate() > 0) {
          if (!c.getAutoCommit()) {
            c.commit();
          }
          log.info("Engine history level changed from full to {}: history written before keeps its rows",
              AuditHistoryLevel.NAME);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read or change the engine's history level", e);
    }
  }
}
