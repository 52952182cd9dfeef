package org.wenzheng.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;

/**
 * The appeal's trace (痕迹管理): every step appends an event in the same transaction as the step itself, so the trace
 * and the state never disagree.
 */
@Service
@NamedInterface("steps")
public class AppealJournal {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AppealJournal(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(long appealId, JournalEvent type, Actor actor, Map<String, ?> detail) {
    jdbc.sql("""
            insert into appeal_event (appeal_id, occurred_at, type, actor, actor_unit, detail)
            values (:appealId, :at, :type, :actor, :unit, cast(:detail as jsonb))""")
        .param("appealId", appealId)
        .param("at", EngineClock.nowUtc())
        .param("type", type.name())
        .param("actor", actor.userId())
        .param("unit", actor.unitCode())
        .param("detail", toJson(detail))
        .update();
  }

  public List<AppealEvent> events(long appealId) {
    return jdbc.sql("""
            select id, appeal_id, occurred_at, type, actor, actor_unit, detail::text as detail
            from appeal_event where appeal_id = ? order by id""")
        .param(appealId).query(Rows.of(AppealEvent.class)).list();
  }

  /** The appeal's trace so far as one JSON array of {at, type, actor, unit, detail}, in order (evidence to keep). */
  public String asJson(long appealId) {
    return jdbc.sql("""
            select coalesce(jsonb_agg(jsonb_build_object('at', occurred_at, 'type', type, 'actor', actor,
                'unit', actor_unit, 'detail', detail) order by id), '[]'::jsonb)::text
            from appeal_event where appeal_id = ?""").param(appealId).query(String.class).single();
  }

  private String toJson(Map<String, ?> detail) {
    try {
      return json.writeValueAsString(detail == null ? Map.of() : detail);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event detail is not serialisable", e);
    }
  }
}
