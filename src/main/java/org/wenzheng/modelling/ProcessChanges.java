package org.wenzheng.modelling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wenzheng.calendar.EngineClock;

/**
 * The journal of process changes ({@code process_change}): every deployment of models with what changed in it, and
 * every migration of running instances. Written in the engine's transaction, so a refused or failed deployment leaves
 * no row and a stored one always has its row.
 */
@Component
class ProcessChanges {

  /** One journalled change, as the page and the API show it. */
  public record Change(long id, String kind, OffsetDateTime changedAt, String changedBy, String deploymentId,
      String name, String source, JsonNode files, JsonNode details) {
  }

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ProcessChanges(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long record(String kind, String changedBy, String deploymentId, String name, String source, Object files,
      Object details) {
    return jdbc.sql("""
            insert into process_change (kind, changed_at, changed_by, deployment_id, name, source, files, details)
            values (:kind, :at, :by, :deployment, :name, :source, cast(:files as jsonb), cast(:details as jsonb))
            returning id""")
        .param("kind", kind).param("at", EngineClock.nowUtc()).param("by", changedBy)
        .param("deployment", deploymentId).param("name", name).param("source", source)
        .param("files", write(files)).param("details", write(details))
        .query(Long.class).single();
  }

  /** The latest changes first; times in Chinese office time. */
  List<Change> latest(int limit, int offset) {
    return jdbc.sql("""
            select id, kind, changed_at, changed_by, deployment_id, name, source, files::text, details::text
            from process_change order by changed_at desc, id desc limit :limit offset :offset""")
        .param("limit", limit).param("offset", offset)
        .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2),
            EngineClock.local(rs.getObject(3, OffsetDateTime.class)),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), read(rs.getString(8)),
            read(rs.getString(9))))
        .list();
  }

  long count() {
    return jdbc.sql("select count(*) from process_change").query(Long.class).single();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
