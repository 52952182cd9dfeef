package org.wenzheng.publicboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wenzheng.accountability.AccountabilityCases;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.HandlingOutcome;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;
import org.wenzheng.directory.Directory;

/**
 * {@code /board} 问题与答复: the latest answered appeals, those being handled, those not finished on time (with the
 * unit and how many days late) and the units publicly criticised, so that the public can supervise. Personal data is
 * masked ({@link PublicText}); appeals whose citizen did not agree to publication show no content; everything is
 * rendered as text, never as HTML.
 */
@Controller
class BoardController {

  static final int PAGE = 20;
  private static final String OPEN = AppealStatus.sql(AppealStatus.WITH_UNIT);
  static final String PRIVATE = "（诉求人未同意公开内容）";

  record Row(long id, String trackingNumber, String title, String content, String citizenName, String district,
      String street, String departmentCode, String replyText, OffsetDateTime repliedAt, String handlingOutcome,
      boolean resolutionOverdue, boolean publishable, OffsetDateTime receivedAt, OffsetDateTime responseDueAt,
      OffsetDateTime resolutionDueAt, String status) {
  }

  record Item(String trackingNumber, String title, String content, String place, String unit, String received,
      String replied, String reply, String outcome, boolean late, String due, long daysOverdue) {
  }

  record Criticism(String unit, String ruledAt, String reason, String note) {
  }

  private static final String COLUMNS = """
      id, tracking_number, title, content, citizen_name, district, street, department_code, reply_text, replied_at,
      handling_outcome, resolution_overdue, publishable, received_at, response_due_at, resolution_due_at, status""";

  private final JdbcClient jdbc;
  private final Directory directory;
  private final AccountabilityCases cases;

  BoardController(JdbcClient jdbc, Directory directory, AccountabilityCases cases) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.cases = cases;
  }

  @GetMapping("/board")
  String board(@RequestParam(defaultValue = "answered") String tab, @RequestParam(defaultValue = "0") int page,
      Model model) {
    String shown = switch (tab) {
      case "progress", "overdue" -> tab;
      default -> "answered";
    };
    int p = Math.max(0, Math.min(page, 500));
    OffsetDateTime now = EngineClock.nowUtc();
    String sql = switch (shown) {
      case "progress" -> "select " + COLUMNS + " from published.appeal where status in " + OPEN
          + " order by received_at desc, id desc";
      case "overdue" -> "select " + COLUMNS + " from published.appeal where status in " + OPEN + " and (resolution_overdue"
          + " or resolution_due_at < :now or (status = 'DISPATCHED' and (response_overdue or response_due_at < :now)))"
          + " order by resolution_due_at, id";
      default -> "select " + COLUMNS + " from published.appeal where publishable and replied_at is not null"
          + " and status in " + AppealStatus.sql(AppealStatus.ANSWERED) + " order by replied_at desc, id desc";
    };
    var query = jdbc.sql(sql + " limit :limit offset :offset").param("limit", PAGE + 1).param("offset", p * PAGE);
    if (sql.contains(":now")) {
      query = query.param("now", now);
    }
    List<Row> rows = query.query(Rows.of(Row.class)).list();
    model.addAttribute("tab", shown);
    model.addAttribute("page", p);
    model.addAttribute("hasNext", rows.size() > PAGE);
    model.addAttribute("items", rows.stream().limit(PAGE).map(r -> item(r, now.toInstant())).toList());
    model.addAttribute("criticisms", cases.publicCriticisms(10).stream().map(c -> new Criticism(
        directory.unitName(c.departmentCode()), EngineClock.SHOWN.format(c.ruledAt().toInstant()), c.triggerReason(),
        PublicText.mask(c.rulingNote(), null))).toList());
    return "public/board";
  }

  private Item item(Row r, Instant now) {
    String title = r.publishable() ? PublicText.mask(r.title(), r.citizenName()) : "诉求 " + r.trackingNumber();
    String content = r.publishable() ? excerpt(PublicText.mask(r.content(), r.citizenName())) : PRIVATE;
    String place = join(r.district(), r.street());
    Instant due = "DISPATCHED".equals(r.status()) && r.responseDueAt() != null
        && r.responseDueAt().toInstant().isBefore(now) ? r.responseDueAt().toInstant()
        : r.resolutionDueAt() == null ? null : r.resolutionDueAt().toInstant();
    long daysOverdue = due == null || !due.isBefore(now) ? 0
        : Math.max(1, (Duration.between(due, now).toHours() + 23) / 24);
    return new Item(r.trackingNumber(), title, content, place,
        r.departmentCode() == null ? null : directory.unitName(r.departmentCode()),
        EngineClock.SHOWN.format(r.receivedAt().toInstant()),
        r.repliedAt() == null ? null : EngineClock.SHOWN.format(r.repliedAt().toInstant()),
        r.replyText() == null || !r.publishable() ? null : PublicText.mask(r.replyText(), r.citizenName()),
        r.handlingOutcome() == null ? null : HandlingOutcome.valueOf(r.handlingOutcome()).label(),
        r.resolutionOverdue(), due == null ? null : EngineClock.SHOWN.format(due), daysOverdue);
  }

  private static String excerpt(String s) {
    return s == null || s.length() <= 160 ? s : s.substring(0, 160) + "…";
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        sb.append(part.strip());
      }
    }
    return sb.isEmpty() ? null : sb.toString();
  }
}
