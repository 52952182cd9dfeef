package org.wenzheng.reporting;

import static org.wenzheng.calendar.EngineClock.local;
import static org.wenzheng.calendar.EngineClock.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.AppealType;
import org.wenzheng.appeal.Channel;
import org.wenzheng.appeal.Labelled;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Mailbox;
import org.wenzheng.directory.Unit;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.data.Rows;

/**
 * The figures of a period, in one pass over the period's appeals (grouping sets: the city, each unit, channel, type
 * and mailbox), plus one small query for the returns each unit made. Every figure is about the appeals received in
 * the period, as they stand now: an appeal received on 31 October and answered on 2 November counts in October.
 */
@Service
public class ReportQueries {

  /**
   * The figures that count appeals by a condition on the appeal itself, with that condition: the one definition both
   * the totals ({@link #AGGREGATES}) and the lists behind them ({@link #condition}) use.
   */
  private static final Map<String, String> COUNTED = counted();

  private static Map<String, String> counted() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("received", "true");
    m.put("rejected", "a.status = 'REJECTED'");
    m.put("merged", "a.status = 'MERGED'");
    m.put("dispatched", "a.dispatched_at is not null");
    m.put("acknowledgedOnTime", "a.acknowledged_at is not null and not a.response_overdue");
    m.put("replied", "a.replied_at is not null");
    m.put("resolved", "a.replied_at is not null and a.handling_outcome = 'RESOLVED'");
    m.put("rated", "a.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')");
    m.put("satisfied", "a.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')");
    m.put("responseOverdue", "a.dispatched_at is not null and a.response_overdue");
    m.put("resolutionOverdue", "a.dispatched_at is not null and a.resolution_overdue");
    m.put("redone", "a.replied_at is not null and a.redo_count > 0");
    m.put("concluded", "a.concluded_at is not null");
    m.put("concludedOnTime", "a.concluded_at is not null and not a.resolution_overdue");
    return m;
  }

  /** The columns of a figures row: the counts above, then those that need the period's returns and others. */
  private static final String AGGREGATES = COUNTED.entrySet().stream()
      .map(e -> "count(*) filter (where " + e.getValue() + ") as " + snake(e.getKey()) + ",\n")
      .collect(Collectors.joining()) + """
      coalesce(sum(extract(epoch from a.replied_at - a.received_at) / 86400.0)
          filter (where a.replied_at is not null), 0) as reply_days_total,
      count(*) filter (where r.n > 0) as returned_appeals,
      coalesce(sum(r.n), 0) as returns,
      coalesce(sum(r.unjustified), 0) as unjustified_returns,
      coalesce(sum(e.n), 0) as extensions,
      coalesce(sum(e.approved), 0) as extensions_approved,
      coalesce(sum(s.n), 0) as supervision_notices""";

  /**
   * The period's appeals with their returns, extensions and supervision notices, one row each. The subqueries count
   * only the period's appeals (joined back on their receipt time), so a month costs a month, not the whole history.
   */
  private static final String COHORT = """
      from published.appeal a
      left join (select x.appeal_id, count(*) as n, count(*) filter (where x.justified = false) as unjustified
                 from published.appeal_return x join published.appeal p on p.id = x.appeal_id
                 where p.received_at >= :from and p.received_at < :until group by x.appeal_id) r
             on r.appeal_id = a.id
      left join (select x.appeal_id, count(*) as n, count(*) filter (where x.status = 'APPROVED') as approved
                 from published.extension_request x join published.appeal p on p.id = x.appeal_id
                 where p.received_at >= :from and p.received_at < :until group by x.appeal_id) e
             on e.appeal_id = a.id
      left join (select x.appeal_id, count(*) as n
                 from published.supervision_notice x join published.appeal p on p.id = x.appeal_id
                 where p.received_at >= :from and p.received_at < :until group by x.appeal_id) s
             on s.appeal_id = a.id
      where a.received_at >= :from and a.received_at < :until""";

  /** The period's figures for the city and each group, in one pass. */
  static final String REPORT = "select grouping(a.department_code) as g_unit, grouping(a.channel) as g_channel, "
      + "grouping(coalesce(a.appeal_type, a.requested_type)) as g_type, grouping(a.mailbox_code) as g_mailbox, "
      + "a.department_code, a.channel, coalesce(a.appeal_type, a.requested_type) as type, a.mailbox_code, "
      + AGGREGATES + " " + COHORT
      + " group by grouping sets ((), (a.department_code), (a.channel), "
      + "(coalesce(a.appeal_type, a.requested_type)), (a.mailbox_code))";

  /** Rows fetched per round trip when a whole list is exported (PostgreSQL streams only inside a transaction). */
  static final int EXPORT_FETCH_SIZE = 1000;

  private final JdbcClient jdbc;
  private final Directory directory;
  private final NamedParameterJdbcTemplate streaming;
  private final TransactionTemplate readOnly;

  ReportQueries(JdbcClient jdbc, Directory directory, DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.directory = directory;
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(EXPORT_FETCH_SIZE);
    this.streaming = new NamedParameterJdbcTemplate(template);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** A period's report: the city's figures and the same split by unit, channel, appeal type and mailbox. */
  public record Report(Period period, Figures city, List<Figures> units, List<Figures> channels,
      List<Figures> types, List<Figures> mailboxes) {
  }

  /** One week of the trend. */
  public record Week(LocalDate monday, Figures figures) {
  }

  public Report report(Period period) {
    String sql = REPORT;
    Figures city = Figures.empty("city", "全市");
    Map<String, Figures> units = new LinkedHashMap<>();
    List<Figures> channels = new ArrayList<>();
    List<Figures> types = new ArrayList<>();
    List<Figures> mailboxes = new ArrayList<>();
    for (Map.Entry<String, Figures> row : jdbc.sql(sql).param("from", utc(period.start()))
        .param("until", utc(period.end())).query((rs, n) -> row(rs)).list()) {
      String dimension = row.getKey();
      Figures f = row.getValue();
      switch (dimension) {
        case "city" -> city = f.named("全市");
        case "unit" -> {
          if (f.key() != null) {
            units.put(f.key(), f.named(directory.unitName(f.key())));
          }
        }
        case "channel" -> channels.add(f.named(Labelled.parse(Channel.class, f.key()).map(Channel::label)
            .orElse(f.key())));
        case "type" -> types.add(f.key() == null ? f.named("未分类")
            : f.named(Labelled.parse(AppealType.class, f.key()).map(AppealType::label).orElse(f.key())));
        case "mailbox" -> {
          if (f.key() != null) {
            mailboxes.add(f.named(directory.mailbox(f.key()).map(Mailbox::name).orElse(f.key())));
          }
        }
        default -> throw new IllegalStateException(dimension);
      }
    }
    applyUnitReturns(period, units);
    Comparator<Figures> byVolume = Comparator.comparingLong(Figures::received).reversed()
        .thenComparing(Figures::name, Comparator.nullsLast(Comparator.naturalOrder()));
    List<Figures> unitList = new ArrayList<>(units.values());
    unitList.sort(Comparator.comparingLong(Figures::handled).reversed().thenComparing(Figures::key));
    channels.sort(byVolume);
    types.sort(byVolume);
    mailboxes.sort(byVolume);
    return new Report(period, city, unitList, channels, types, mailboxes);
  }

  /** The returns each unit made on the period's appeals, over the appeals it held at some time. */
  private void applyUnitReturns(Period period, Map<String, Figures> units) {
    record UnitReturns(String departmentCode, long returnedAppeals, long returns, long unjustified,
        long returnedElsewhere) {
    }
    List<UnitReturns> rows = jdbc.sql("""
            select r.department_code, count(distinct r.appeal_id) as returned_appeals, count(*) as returns,
                   count(*) filter (where r.justified = false) as unjustified,
                   count(distinct r.appeal_id) filter (where a.department_code is distinct from r.department_code)
                       as returned_elsewhere
            from published.appeal_return r join published.appeal a on a.id = r.appeal_id
            where a.received_at >= :from and a.received_at < :until
            group by r.department_code""")
        .param("from", utc(period.start())).param("until", utc(period.end())).query(Rows.of(UnitReturns.class)).list();
    Map<String, UnitReturns> byUnit = new LinkedHashMap<>();
    rows.forEach(r -> byUnit.put(r.departmentCode(), r));
    for (Map.Entry<String, Figures> e : units.entrySet()) {
      UnitReturns r = byUnit.remove(e.getKey());
      Figures f = e.getValue();
      e.setValue(r == null ? f.withUnitReturns(f.dispatched(), 0, 0, 0)
          : f.withUnitReturns(f.dispatched() + r.returnedElsewhere(), r.returnedAppeals(), r.returns(),
              r.unjustified()));
    }
    // Units that returned every appeal they got hold none now, but their returns count.
    byUnit.values().forEach(r -> units.put(r.departmentCode(),
        Figures.empty(r.departmentCode(), directory.unitName(r.departmentCode()))
            .withUnitReturns(r.returnedElsewhere(), r.returnedAppeals(), r.returns(), r.unjustified())));
  }

  /** The weekly trend: the city's figures for each of the {@code weeks} weeks up to the period's last day. */
  public List<Week> trend(Period period, int weeks, String unitCode) {
    Period span = period.weeksUpTo(weeks);
    String sql = "select date_trunc('week', a.received_at at time zone 'Asia/Shanghai')::date as monday, "
        + AGGREGATES + " " + COHORT
        + (unitCode == null ? "" : " and a.department_code = :unit")
        + " group by 1 order by 1";
    var query = jdbc.sql(sql).param("from", utc(span.start())).param("until", utc(span.end()));
    if (unitCode != null) {
      query = query.param("unit", unitCode);
    }
    Map<LocalDate, Figures> found = new LinkedHashMap<>();
    query.query((rs, n) -> Map.entry(rs.getObject("monday", LocalDate.class), figures(rs, "week", null)))
        .list().forEach(e -> found.put(e.getKey(), e.getValue()));
    List<Week> result = new ArrayList<>();
    for (LocalDate monday = span.from(); monday.isBefore(span.until()); monday = monday.plusWeeks(1)) {
      result.add(new Week(monday, found.getOrDefault(monday, Figures.empty("week", monday.toString()))));
    }
    return result;
  }

  /** One unit's figures for a period (for its leaders, who see only their own unit). */
  public Figures unit(Period period, String unitCode) {
    return report(period).units().stream().filter(f -> unitCode.equals(f.key())).findFirst()
        .orElse(Figures.empty(unitCode, directory.unitName(unitCode)));
  }

  // --- the appeals behind a figure ------------------------------------------------------------------------------

  /** One appeal in a drill-down list: what a dispatcher or an auditor needs to find it, no personal data. */
  public record Listed(long id, String trackingNumber, OffsetDateTime receivedAt, String channel, String type,
      String departmentCode, String unitName, String status, String title, OffsetDateTime repliedAt,
      String satisfaction, boolean responseOverdue, boolean resolutionOverdue) {
  }

  /** The condition for the appeals a figure counts (the same as in {@link #AGGREGATES}). */
  static String condition(String figure) {
    String counted = COUNTED.get(figure);
    if (counted != null && Figures.COUNTS.containsKey(figure)) {
      return counted;
    }
    return switch (figure) {
      case "returnedAppeals" -> "exists (select 1 from published.appeal_return x where x.appeal_id = a.id :returnsBy)";
      case "unjustifiedReturns" -> "exists (select 1 from published.appeal_return x where x.appeal_id = a.id "
          + "and x.justified = false :returnsBy)";
      case "extensions" -> "exists (select 1 from published.extension_request x where x.appeal_id = a.id)";
      case "supervisionNotices" -> "exists (select 1 from published.supervision_notice x where x.appeal_id = a.id)";
      default -> throw new InvalidFieldException("figure", "可选值 " + String.join(" | ", Figures.COUNTS.keySet()));
    };
  }

  /**
   * The appeals a figure counts, for the city or one group ({@code dimension} = unit, channel, type or mailbox, with
   * its {@code key}). For a unit's returns, the appeals it returned.
   */
  public List<Listed> appeals(Period period, String figure, String dimension, String key, int limit) {
    AppealsQuery q = appealsQuery(period, figure, dimension, key);
    Map<String, String> units = unitNames();
    var query = jdbc.sql(q.sql() + " limit :limit").params(q.params()).param("limit", limit);
    return query.query((rs, n) -> listed(rs, units)).list();
  }

  /**
   * Every appeal a figure counts, handed to {@code each} in order as it is read (a thousand rows at a time), so that
   * an export of 100,000 appeals never holds them all.
   */
  public void eachAppeal(Period period, String figure, String dimension, String key, Consumer<Listed> each) {
    AppealsQuery q = appealsQuery(period, figure, dimension, key);
    Map<String, String> units = unitNames();
    readOnly.executeWithoutResult(status -> streaming.query(q.sql(), q.params(), rs -> {
      each.accept(listed(rs, units));
    }));
  }

  private record AppealsQuery(String sql, Map<String, Object> params) {
  }

  private AppealsQuery appealsQuery(Period period, String figure, String dimension, String key) {
    boolean returns = figure.equals("returnedAppeals") || figure.equals("unjustifiedReturns");
    String where = condition(figure).replace(":returnsBy",
        returns && "unit".equals(dimension) ? "and x.department_code = :key" : "");
    String filter = switch (dimension == null ? "" : dimension) {
      case "" -> "";
      case "unit" -> returns ? "" : " and a.department_code = :key";
      case "channel" -> " and a.channel = :key";
      case "type" -> "未分类".equals(key) || key == null ? " and coalesce(a.appeal_type, a.requested_type) is null"
          : " and coalesce(a.appeal_type, a.requested_type) = :key";
      case "mailbox" -> " and a.mailbox_code = :key";
      default -> throw new InvalidFieldException("dimension", "可选值 unit | channel | type | mailbox");
    };
    String sql = """
        select a.id, a.tracking_number, a.received_at, a.channel, coalesce(a.appeal_type, a.requested_type) as type,
               a.department_code, a.status, a.title, a.replied_at, a.satisfaction, a.response_overdue,
               a.resolution_overdue
        from published.appeal a where a.received_at >= :from and a.received_at < :until and\s""" + where + filter
        + " order by a.received_at, a.id";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("from", utc(period.start()));
    params.put("until", utc(period.end()));
    if (sql.contains(":key")) {
      params.put("key", key);
    }
    return new AppealsQuery(sql, params);
  }

  /** Every unit's name by its code, read once per list rather than once per row. */
  private Map<String, String> unitNames() {
    return directory.units().stream().collect(Collectors.toMap(Unit::code, Unit::name));
  }

  /** A row of the list, with Chinese names for unit, channel, type, status and satisfaction. */
  private static Listed listed(ResultSet rs, Map<String, String> units) throws SQLException {
    String unit = rs.getString("department_code");
    return new Listed(rs.getLong("id"), rs.getString("tracking_number"),
        local(rs.getObject("received_at", OffsetDateTime.class)), label(Channel.class, rs.getString("channel")),
        label(AppealType.class, rs.getString("type")), unit, unit == null ? null : units.getOrDefault(unit, unit),
        label(AppealStatus.class, rs.getString("status")), rs.getString("title"),
        local(rs.getObject("replied_at", OffsetDateTime.class)), label(Satisfaction.class,
        rs.getString("satisfaction")), rs.getBoolean("response_overdue"), rs.getBoolean("resolution_overdue"));
  }

  // --- rows -----------------------------------------------------------------------------------------------------

  private static Map.Entry<String, Figures> row(ResultSet rs) throws SQLException {
    if (rs.getInt("g_unit") == 0) {
      return Map.entry("unit", figures(rs, rs.getString("department_code"), null));
    }
    if (rs.getInt("g_channel") == 0) {
      return Map.entry("channel", figures(rs, rs.getString("channel"), null));
    }
    if (rs.getInt("g_type") == 0) {
      return Map.entry("type", figures(rs, rs.getString("type"), null));
    }
    if (rs.getInt("g_mailbox") == 0) {
      return Map.entry("mailbox", figures(rs, rs.getString("mailbox_code"), null));
    }
    return Map.entry("city", figures(rs, "city", "全市"));
  }

  private static Figures figures(ResultSet rs, String key, String name) throws SQLException {
    long dispatched = rs.getLong("dispatched");
    return new Figures(key, name, rs.getLong("received"), rs.getLong("rejected"), rs.getLong("merged"), dispatched,
        dispatched, rs.getLong("acknowledged_on_time"), rs.getLong("replied"), rs.getLong("resolved"),
        rs.getLong("rated"), rs.getLong("satisfied"), rs.getLong("response_overdue"),
        rs.getLong("resolution_overdue"), rs.getDouble("reply_days_total"), rs.getLong("returned_appeals"),
        rs.getLong("returns"), rs.getLong("unjustified_returns"), rs.getLong("redone"), rs.getLong("concluded"),
        rs.getLong("concluded_on_time"), rs.getLong("extensions"), rs.getLong("extensions_approved"),
        rs.getLong("supervision_notices"));
  }

  /** acknowledgedOnTime → acknowledged_on_time, the column alias {@link #figures} reads. */
  private static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }

  private static <E extends Enum<E> & Labelled> String label(Class<E> type, String name) {
    return name == null ? null : Labelled.parse(type, name).map(Labelled::label).orElse(name);
  }


}
