package org.wenzheng.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With jobExecutorPreferTimerJobs and jobExecutorAcquireByDueDate on, every acquisition asks for the next due jobs
 * {@code ORDER BY TYPE_ DESC, DUEDATE_ ASC}. This index lets PostgreSQL read them in that order and stop after a few
 * rows instead of sorting every due job. ACT_RU_JOB belongs to the engine, which creates it before this runs;
 * {@code CONCURRENTLY} keeps a large job table writable while the index is built.
 */
@Component
@Order(5)
class JobAcquisitionIndex implements ApplicationRunner {

  static final String NAME = "wz_idx_job_acquisition";
  private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

  private final JdbcTemplate jdbc;

  JobAcquisitionIndex(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    Integer exists = jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class, NAME);
    if (exists != null && exists == 0) {
      jdbc.execute("create index concurrently if not exists " + NAME + " on act_ru_job (type_ desc, duedate_ asc)");
      log.info("Created index {} on act_ru_job (type_ desc, duedate_ asc) for timer-first job acquisition", NAME);
    }
  }
}
