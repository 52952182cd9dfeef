package org.wenzheng.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;

/** The units and mailboxes of the city. Read on every review, so the queries are kept trivial. */
@Service
@NamedInterface("directory")
public class Directory {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  Directory(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public List<Unit> units() {
    return jdbc.sql("select code, name, kind, parent_code, email, active from unit order by kind, code")
        .query(Rows.of(Unit.class)).list();
  }

  /** Units a dispatcher may send appeals to, in the order they are offered: city departments, then districts. */
  public List<Unit> dispatchableUnits() {
    return units().stream().filter(Unit::active).toList();
  }

  public Optional<Unit> unit(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql("select code, name, kind, parent_code, email, active from unit where code = ?")
        .param(code).query(Rows.of(Unit.class)).optional();
  }

  public boolean isActiveUnit(String code) {
    return unit(code).map(Unit::active).orElse(false);
  }

  public String unitName(String code) {
    return unit(code).map(Unit::name).orElse(code);
  }

  private static final String RESPONSIBILITIES = """
      code, name, kind, responsibilities as text, aliases, responsibilities_by as changed_by,
      responsibilities_at as changed_at""";

  /**
   * A unit's published responsibilities (职责清单), the names citizens call it by (称呼, e.g. 派出所 for 市公安局;
   * the districts share theirs), who last changed either and when (Chinese office time).
   */
  public record Responsibilities(String code, String name, UnitKind kind, String text, List<String> aliases,
      String changedBy, OffsetDateTime changedAt) {

    /** The duties, one per line of the text, stripped; none when nothing is published. */
    public List<String> duties() {
      return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
  }

  /** As stored: the aliases one per line. */
  private record Row(String code, String name, UnitKind kind, String text, String aliases, String changedBy,
      OffsetDateTime changedAt) {

    Responsibilities published() {
      return new Responsibilities(code, name, kind, text,
          aliases == null ? List.of() : aliases.lines().filter(a -> !a.isBlank()).toList(), changedBy,
          EngineClock.local(changedAt));
    }
  }

  /** The responsibilities and aliases of every active unit that publishes either. */
  public List<Responsibilities> responsibilities() {
    return jdbc.sql("select " + RESPONSIBILITIES
            + " from unit where active and (responsibilities is not null or aliases is not null) order by kind, code")
        .query(Rows.of(Row.class)).list().stream().map(Row::published).toList();
  }

  public Optional<Responsibilities> responsibilities(String code) {
    return jdbc.sql("select " + RESPONSIBILITIES + " from unit where code = ?").param(code)
        .query(Rows.of(Row.class)).optional().map(Row::published);
  }

  /**
   * Replaces a unit's responsibilities (null: none published), journalled with what they said before
   * ({@link #changes}); those who suggest units hear of it ({@link ResponsibilitiesChanged}) after the change is
   * committed.
   */
  @Transactional
  public void changeResponsibilities(String code, String text, String changedBy) {
    change(code, "responsibilities", "RESPONSIBILITIES", text, changedBy);
  }

  /** Replaces the names citizens call a unit by (empty: none), journalled and heard of like its responsibilities. */
  @Transactional
  public void changeAliases(String code, List<String> aliases, String changedBy) {
    change(code, "aliases", "ALIASES", aliases.isEmpty() ? null : String.join("\n", aliases), changedBy);
  }

  private void change(String code, String column, String field, String value, String changedBy) {
    OffsetDateTime now = EngineClock.nowUtc();
    // Locked, so two administrators changing the same unit journal one after the other, each with its "before".
    Optional<String> before = jdbc.sql("select " + column + " from unit where code = ? for update").param(code)
        .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(b -> b);
    if (Objects.equals(before.orElse(null), value)) {
      return;
    }
    jdbc.sql("update unit set " + column + " = ?, responsibilities_by = ?, responsibilities_at = ? where code = ?")
        .params(value, changedBy, now, code).update();
    jdbc.sql("""
            insert into unit_change (unit_code, field, changed_at, changed_by, before, after)
            values (?, ?, ?, ?, ?, ?)""")
        .params(code, field, now, changedBy, before.orElse(null), value).update();
    events.publishEvent(new ResponsibilitiesChanged(code));
  }

  /** One change of a unit's responsibilities or aliases: what they said before and after, who changed them, when. */
  public record Change(long id, String unitCode, String field, OffsetDateTime changedAt, String changedBy,
      String before, String after) {
  }

  /** The changes of a unit's responsibilities and aliases, newest first; times in Chinese office time. */
  public List<Change> changes(String code, int limit, int offset) {
    return jdbc.sql("""
            select id, unit_code, field, changed_at, changed_by, before, after from unit_change
            where unit_code = ? order by changed_at desc, id desc limit ? offset ?""")
        .params(code, limit, offset).query(Rows.of(Change.class)).list().stream()
        .map(c -> new Change(c.id(), c.unitCode(), c.field(), EngineClock.local(c.changedAt()), c.changedBy(),
            c.before(), c.after()))
        .toList();
  }

  /** A unit's responsibilities or aliases changed. */
  public record ResponsibilitiesChanged(String code) {
  }

  public List<Mailbox> mailboxes() {
    return jdbc.sql("select code, name, unit_code, active from mailbox order by unit_code nulls first, code")
        .query(Rows.of(Mailbox.class)).list();
  }

  public Optional<Mailbox> mailbox(String code) {
    return jdbc.sql("select code, name, unit_code, active from mailbox where code = ?")
        .param(code).query(Rows.of(Mailbox.class)).optional();
  }
}
