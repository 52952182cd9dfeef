package org.wenzheng.config;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work queues of the dispatch centre and the units, kept by PostgreSQL itself so that Tasklist lists and counts a
 * queue of 10,000 waiting appeals in a few milliseconds, whatever the number of open appeals (README, "Load and
 * scale").
 *
 * <p><b>Why.</b> A unit's queue is "the tasks whose candidate group is the unit, ordered by due date". Camunda keeps
 * the candidate groups in {@code ACT_RU_IDENTITYLINK} and the due dates in {@code ACT_RU_TASK}, so every page and every
 * count of a queue joins every task of the queue with its link and its grant, then sorts them: about 5 µs a task,
 * 60-110 ms for the dispatch centre's 10,000, for each of the four counts Tasklist shows beside its filters. No index
 * can span two tables.
 *
 * <p><b>What.</b> {@code wz_task_queue} is that index: one row per task and candidate group, with the task's due date,
 * creation time, assignee, suspension and what the authorization and tenant checks read. Triggers on the engine's two
 * tables keep it in the engine's own transaction (a link added or removed, a task claimed, its due date moved, its
 * process suspended or migrated), so it is never behind and never ahead. A task query that asks only for candidate
 * groups (with or without assigned tasks, a due-date window, active or suspended, ordered by due date, creation time
 * or id: Tasklist's saved filters as Tasklist sends them, and
 * {@code /engine-rest/task?candidateGroup=…}) is answered from it, with Camunda's own authorization check (the grant
 * sets of {@link AuthorizationQueries}) and tenant check; an index on (group, due date, creation time) gives a page in
 * order and a count without reading a task. Every other query is the engine's own. {@code TaskQueuesTest} compares
 * both answers for every demo user, filter, order and page.
 *
 * <p>The table is derived data: made and filled when the application starts without it, and made again when its
 * columns change ({@link #install}). Changing a trigger needs nothing more: they are replaced at every start.
 */
@Component
class TaskQueues extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TaskQueues.class);

  static final String NAMESPACE = "org.wenzheng.config.TaskQueues";
  static final String LIST = NAMESPACE + ".selectQueuedTasks";
  static final String COUNT = NAMESPACE + ".selectQueuedTaskCount";

  /** The orders the queue keeps (the task's columns of the same names). */
  private static final Set<String> ORDERABLE = Set.of("ID_", "DUE_DATE_", "CREATE_TIME_");

  /** The criteria the queue answers; every other field of the query must have its default value. */
  private static final Set<String> ANSWERED = Set.of("candidateGroup", "candidateGroups", "includeAssignedTasks",
      "dueBefore", "dueAfter", "suspensionState",
      // caches and what the engine does with the found tasks afterwards
      "cachedCandidateGroups", "cachedUserGroups", "initializeFormKeys", "withCommentAttachmentInfo",
      // apply to variable criteria only, of which there must be none
      "variableNamesIgnoreCase", "variableValuesIgnoreCase",
      // checked on its own: no "or" queries
      "queries");

  private static final List<Field> OTHER_CRITERIA = otherCriteria();
  private static final TaskQueryImpl DEFAULTS = new TaskQueryImpl();

  private static final String TABLE = """
      create table if not exists wz_task_queue (
        id_ varchar(64) not null,
        group_id_ varchar(255) not null,
        links_ integer not null,
        due_date_ timestamp,
        create_time_ timestamp,
        assignee_ varchar(255),
        tenant_id_ varchar(64),
        proc_def_key_ varchar(255),
        case_execution_id_ varchar(64),
        suspension_state_ integer,
        primary key (id_, group_id_))""";

  /** The columns above: a queue made with others is made again (it is the engine's data, in another order). */
  private static final Set<String> TABLE_COLUMNS = Set.of("id_", "group_id_", "links_", "due_date_", "create_time_",
      "assignee_", "tenant_id_", "proc_def_key_", "case_execution_id_", "suspension_state_");

  private static final List<String> INDEXES = List.of("""
      create index if not exists wz_task_queue_due on wz_task_queue (group_id_, due_date_, create_time_, id_)
        include (assignee_, tenant_id_, proc_def_key_, case_execution_id_, suspension_state_)""", """
      create index if not exists wz_task_queue_created on wz_task_queue (group_id_, create_time_, id_)
        include (assignee_, due_date_, tenant_id_, proc_def_key_, case_execution_id_, suspension_state_)""", """
      create index if not exists wz_task_queue_id on wz_task_queue (group_id_, id_)
        include (assignee_, due_date_, create_time_, tenant_id_, proc_def_key_, case_execution_id_,
          suspension_state_)""");

  /** The row of a candidate-group link, from its task and the task's process definition. */
  private static final String ROW = """
      select t.id_, %s, %s, t.due_date_, t.create_time_, t.assignee_, t.tenant_id_, d.key_, t.case_execution_id_,
        t.suspension_state_
      from act_ru_task t left join act_re_procdef d on d.id_ = t.proc_def_id_""";

  private static final String COLUMNS = "(id_, group_id_, links_, due_date_, create_time_, assignee_, tenant_id_, "
      + "proc_def_key_, case_execution_id_, suspension_state_)";

  private static final List<String> TRIGGERS = List.of("""
      create or replace function wz_task_queue_link() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          if old.type_ = 'candidate' and old.group_id_ is not null and old.task_id_ is not null then
            delete from wz_task_queue where id_ = old.task_id_ and group_id_ = old.group_id_ and links_ <= 1;
            if not found then
              update wz_task_queue set links_ = links_ - 1 where id_ = old.task_id_ and group_id_ = old.group_id_;
            end if;
          end if;
        end if;
        if tg_op <> 'DELETE' then
          if new.type_ = 'candidate' and new.group_id_ is not null and new.task_id_ is not null then
            insert into wz_task_queue %s
      %s
            where t.id_ = new.task_id_
            on conflict (id_, group_id_) do update set links_ = wz_task_queue.links_ + 1;
          end if;
        end if;
        return null;
      end $$""".formatted(COLUMNS, ROW.formatted("new.group_id_", "1")), """
      create or replace function wz_task_queue_task() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          delete from wz_task_queue where id_ = old.id_;
        else
          update wz_task_queue set due_date_ = new.due_date_, create_time_ = new.create_time_,
            assignee_ = new.assignee_, tenant_id_ = new.tenant_id_, case_execution_id_ = new.case_execution_id_,
            suspension_state_ = new.suspension_state_,
            proc_def_key_ = (select key_ from act_re_procdef where id_ = new.proc_def_id_)
          where id_ = new.id_;
        end if;
        return null;
      end $$""", """
      create or replace trigger wz_task_queue_link after insert or update or delete on act_ru_identitylink
        for each row execute function wz_task_queue_link()""", """
      create or replace trigger wz_task_queue_task_update after update on act_ru_task for each row
        when (old.due_date_ is distinct from new.due_date_ or old.create_time_ is distinct from new.create_time_
          or old.assignee_ is distinct from new.assignee_ or old.tenant_id_ is distinct from new.tenant_id_
          or old.case_execution_id_ is distinct from new.case_execution_id_
          or old.suspension_state_ is distinct from new.suspension_state_
          or old.proc_def_id_ is distinct from new.proc_def_id_)
        execute function wz_task_queue_task()""", """
      create or replace trigger wz_task_queue_task_delete after delete on act_ru_task for each row
        execute function wz_task_queue_task()""");

  private static final String FILL = """
      insert into wz_task_queue %s
      %s
      join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ is not null
      group by t.id_, i.group_id_, d.key_""".formatted(COLUMNS, ROW.formatted("i.group_id_", "count(*)"));

  private volatile boolean ready;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(new Managers());
    configuration.setCustomSessionFactories(sessions);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(LIST)) {
      new XMLMapperBuilder(new ByteArrayInputStream(mapper().getBytes(StandardCharsets.UTF_8)), mybatis,
          NAMESPACE + ".xml", mybatis.getSqlFragments()).parse();
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource();
    install(dataSource);
    ready = true;
  }

  /**
   * Creates the queue and its triggers, and fills it from the engine's tables when it is new. The engine's tables are
   * locked against writes meanwhile (at 100,000 open appeals 1.5 s for 114,000 rows, once), so that no link is missed
   * between the filling and the triggers; nodes starting together wait for each other here.
   */
  static void install(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        st.execute("lock table act_ru_task, act_ru_identitylink in share row exclusive mode");
        Set<String> columns = new HashSet<>();
        try (var rs = st.executeQuery("select column_name from information_schema.columns "
            + "where table_name = 'wz_task_queue' and table_schema = current_schema()")) {
          while (rs.next()) {
            columns.add(rs.getString(1));
          }
        }
        if (!columns.isEmpty() && !columns.equals(TABLE_COLUMNS)) {
          log.info("Task queues made again: their columns changed");
          st.execute("drop table wz_task_queue");
        }
        boolean fresh = !columns.equals(TABLE_COLUMNS);
        st.execute(TABLE);
        for (String index : INDEXES) {
          st.execute(index);
        }
        for (String trigger : TRIGGERS) {
          st.execute(trigger);
        }
        if (fresh) {
          int rows = st.executeUpdate(FILL);
          log.info("Task queues created from {} candidate-group links", rows);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not install the task queues", e);
    }
  }

  /** Whether the queue answers this query exactly as the engine's statement would. */
  boolean answers(TaskQueryImpl query) {
    if (!ready || query.getAuthCheck().isRevokeAuthorizationCheckEnabled() || query.getQueries().size() != 1
        || query.getQueries().get(0) != query) {
      return false;
    }
    List<String> groups = query.getCandidateGroups();
    if (groups == null || groups.isEmpty()) {
      return false;
    }
    for (QueryOrderingProperty order : query.getOrderingProperties()) {
      if (order.getRelation() != null || order.getQueryProperty() == null || order.getDirection() == null
          || !ORDERABLE.contains(order.getQueryProperty().getName())) {
        return false;
      }
    }
    try {
      for (Field field : OTHER_CRITERIA) {
        if (!unset(field.get(query), field.get(DEFAULTS))) {
          return false;
        }
      }
    } catch (IllegalAccessException e) {
      return false;
    }
    return true;
  }

  /**
   * Whether a criterion is the default, or an empty list where the default is none: the engine's statement skips
   * empty lists ({@code length > 0}), and extending a filter's query (as Tasklist does) leaves some empty.
   */
  private static boolean unset(Object value, Object defaultValue) {
    if (defaultValue == null && value != null) {
      return value.getClass().isArray() && Array.getLength(value) == 0
          || value instanceof Collection<?> c && c.isEmpty();
    }
    return Objects.deepEquals(value, defaultValue);
  }

  private static List<Field> otherCriteria() {
    List<Field> fields = new ArrayList<>();
    for (Field field : TaskQueryImpl.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && !ANSWERED.contains(field.getName())) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return fields;
  }

  /**
   * Our statements. The authorization check is {@link AuthorizationQueries#grantCondition} on the queue's copy of the
   * task id and its process definition's key; the tenant check is the engine's own fragment.
   */
  static String mapper() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
        <mapper namespace="%s">
          <!-- The query's criteria on the queue other than its groups, with the engine's authorization and tenant
               checks (${lookup}: see AuthorizationQueries.grantCondition). -->
          <sql id="criteria">
            <if test="!includeAssignedTasks">and Q.ASSIGNEE_ is null</if>
            <if test="dueBefore != null || dueAfter != null">and Q.DUE_DATE_ is not null</if>
            <if test="dueBefore != null">and Q.DUE_DATE_ &lt; #{dueBefore}</if>
            <if test="dueAfter != null">and Q.DUE_DATE_ &gt; #{dueAfter}</if>
            <if test="suspensionState != null">and Q.SUSPENSION_STATE_ = #{suspensionState.stateCode}</if>
            <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
              <if test="queryForProcessTasksOnly">and Q.PROC_DEF_KEY_ is not null</if>
              %s
            </if>
            <bind name="columnPrefix" value="'Q.'"/>
            <include refid="org.camunda.bpm.engine.impl.persistence.entity.TenantEntity.queryTenantCheckWithPrefix"/>
          </sql>

          <sql id="queued">
            from WZ_TASK_QUEUE Q
            where Q.GROUP_ID_ in
              <foreach item="group" collection="candidateGroups" open="(" separator="," close=")">#{group}</foreach>
            <include refid="criteria"/>
          </sql>

          <!-- The query's order, then the task id in the direction of the last (the engine leaves ties in any order):
               "newest first" reads an index backwards. -->
          <sql id="order">
            <bind name="tieBreak" value="orderingProperties.isEmpty() ? 'asc'
                : orderingProperties.get(orderingProperties.size() - 1).direction.name"/>
            <foreach collection="orderingProperties" item="order">${alias}.${order.queryProperty.name} \
        ${order.direction.name}, </foreach>${alias}.ID_ ${tieBreak}
          </sql>

          <select id="selectQueuedTaskCount" parameterType="org.camunda.bpm.engine.impl.TaskQueryImpl"
              resultType="long">
            select count(<if test="candidateGroups.size &gt; 1">distinct</if> Q.ID_)
            <include refid="queued"><property name="lookup" value=""/></include>
          </select>

          <select id="selectQueuedTasks" parameterType="org.camunda.bpm.engine.impl.TaskQueryImpl"
              resultMap="org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap">
            select <include refid="org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.columnSelection"/>
            from (
              <choose>
                <when test="candidateGroups.size == 1">
                  select Q.ID_, Q.DUE_DATE_, Q.CREATE_TIME_
                  <include refid="queued"><property name="lookup" value="offset 0"/></include>
                  <bind name="alias" value="'Q'"/>
                  order by <include refid="order"/>
                  ${limitAfter}
                </when>
                <otherwise>
                  <!-- Several groups: each group's queue read in its index's order up to the page's end, then merged
                       (a task waiting for two of the groups listed once), instead of every task of every group
                       checked and sorted for one page. -->
                  <bind name="pageEnd" value="firstResult + 0L + maxResults"/>
                  <bind name="alias" value="'Q'"/>
                  select distinct Q.ID_, Q.DUE_DATE_, Q.CREATE_TIME_
                  from (
                    <foreach item="group" collection="candidateGroups" separator="union all">
                      (select Q.ID_, Q.DUE_DATE_, Q.CREATE_TIME_
                       from WZ_TASK_QUEUE Q
                       where Q.GROUP_ID_ = #{group}
                       <include refid="criteria"><property name="lookup" value="offset 0"/></include>
                       order by <include refid="order"/>
                       limit #{pageEnd})
                    </foreach>
                  ) Q
                  order by <include refid="order"/>
                  ${limitAfter}
                </otherwise>
              </choose>
            ) T
            inner join ${prefix}ACT_RU_TASK RES on RES.ID_ = T.ID_
            <bind name="alias" value="'T'"/>
            order by <include refid="order"/>
          </select>
        </mapper>
        """.formatted(NAMESPACE, AuthorizationQueries.grantCondition("authCheck.useLeftJoin", "Q.CASE_EXECUTION_ID_",
        List.of("Q.ID_", "Q.PROC_DEF_KEY_", "'*'"), "${lookup}"));
  }

  /** Opens the engine's task manager with the queue behind the queries it answers. */
  final class Managers implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return TaskManager.class;
    }

    @Override
    public Session openSession() {
      return new TaskManager() {
        @Override
        @SuppressWarnings("unchecked")
        public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
          configureQuery(query);
          return getDbEntityManager().selectList(answers(query) ? LIST : "selectTaskByQueryCriteria", query);
        }

        @Override
        public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
          configureQuery(query);
          return (Long) getDbEntityManager().selectOne(answers(query) ? COUNT : "selectTaskCountByQueryCriteria",
              query);
        }
      };
    }
  }
}
