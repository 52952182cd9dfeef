package org.wenzheng.config;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables for the queries our configuration makes the engine run. The tables belong to the
 * engine, which creates them before this runs; {@code CONCURRENTLY} keeps a large table writable while an index is
 * built, and an index that exists is left alone.
 */
@Component
@Order(5)
class EngineIndexes implements ApplicationRunner {

  /**
   * An index; {@code include} adds columns stored but not sorted (so that a query reads them from the index alone),
   * {@code where} makes it partial (empty: the whole table).
   */
  record Index(String name, String table, String columns, String include, String where, String why) {

    Index(String name, String table, String columns, String where, String why) {
      this(name, table, columns, "", where, why);
    }
  }

  static final List<Index> INDEXES = List.of(
      // With jobExecutorPreferTimerJobs and jobExecutorAcquireByDueDate on, every acquisition asks for the next due
      // jobs ORDER BY TYPE_ DESC, DUEDATE_ ASC: read them in that order and stop after a few rows.
      new Index("wz_idx_job_acquisition", "act_ru_job", "type_ desc, duedate_ asc", "",
          "timer-first job acquisition"),
      // Every acquisition also skips the jobs of process instances that have an exclusive job in progress
      // (not exists ... where J2.LOCK_OWNER_ is not null ...). Locked jobs are a handful, but without an index the
      // engine reads every job to find them: at 100,000 open appeals (350,000 timers) 35-190 ms of a core per
      // acquisition, several times a second while timers fall due. Only locked jobs are indexed, so the index
      // stays a few rows small and costs nothing when a job is created.
      new Index("wz_idx_job_locked", "act_ru_job", "process_instance_id_", "lock_owner_ is not null",
          "the in-progress check of every job acquisition"),
      // AuthorizationQueries selects the grants of a user and of their groups, as two sets (the engine indexes the
      // group column only, so without the first every query would read all grants to find the user's own). With
      // the resource type, id, grant type and permissions in the index, a set is read from the index alone: the
      // dispatch centre's 10,000 grants on waiting tasks in 90 index pages instead of 2,600 table pages, which a
      // count of its queue reads each time (5.6 ms before, 2.8 ms after, at 100,000 open appeals).
      new Index("wz_idx_auth_user_grants", "act_ru_authorization", "user_id_, resource_type_, resource_id_",
          "type_, perms_", "", "a user's own grants"),
      new Index("wz_idx_auth_group_grants", "act_ru_authorization", "group_id_, resource_type_, resource_id_",
          "type_, perms_", "", "the grants of a user's groups"),
      // Every completed task is checked for sub-tasks (select ... where PARENT_TASK_ID_ = ?), which the engine does
      // not index: a scan of every open task per completion, 3 ms at 10,000 open appeals and growing with them.
      new Index("wz_idx_task_parent", "act_ru_task", "parent_task_id_", "",
          "the sub-task check of every completion"));

  /** Indexes of earlier versions that one above replaces. */
  static final List<String> REPLACED = List.of("wz_idx_auth_user");

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  private final JdbcTemplate jdbc;

  EngineIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Index index : INDEXES) {
      Integer exists = jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class,
          index.name());
      if (exists != null && exists == 0) {
        jdbc.execute("create index concurrently if not exists " + index.name() + " on " + index.table() + " ("
            + index.columns() + ")" + (index.include().isEmpty() ? "" : " include (" + index.include() + ")")
            + (index.where().isEmpty() ? "" : " where " + index.where()));
        log.info("Created index {} on {} ({}) for {}", index.name(), index.table(), index.columns(), index.why());
      }
    }
    for (String name : REPLACED) {
      jdbc.execute("drop index concurrently if exists " + name);
    }
  }
}
