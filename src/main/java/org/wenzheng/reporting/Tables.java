package org.wenzheng.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.wenzheng.calendar.EngineClock;

/**
 * The figures and the appeal lists as tables, written as CSV (UTF-8 with BOM, so Excel reads the Chinese) or XLSX.
 * Rows are written as they come, so an export of every appeal of a year is streamed, never held.
 */
final class Tables {

  /** The rows of a table, handed one by one to whoever writes them. */
  interface Rows {
    void each(Consumer<List<Object>> row);
  }

  record Table(String title, List<String> headers, Rows rows) {
    Table(String title, List<String> headers, List<List<Object>> rows) {
      this(title, headers, rows::forEach);
    }
  }

  /** XLSX rows kept in memory before they are written out. */
  private static final int XLSX_FLUSH_ROWS = 1000;

  private Tables() {
  }

  static final List<String> FIGURE_HEADERS = List.of("分组", "编码", "名称", "受理量", "转办量", "不予受理", "合并",
      "已答复", "回复办理率", "已解决", "解决率", "已评价", "满意与基本满意", "满意率", "签收超期", "签收超期率",
      "办结超期", "办结超期率", "平均回复周期（天）", "按时签收", "及时签收率", "承办量", "被退回诉求", "退单次数",
      "不当退单", "回退率", "重办", "重办率", "已办结", "按时办结", "按时办结率", "延期申请", "延期批准", "督办");

  static Table figures(ReportQueries.Report report) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(figureRow("全市", report.city()));
    report.units().forEach(f -> rows.add(figureRow("承办单位", f)));
    report.channels().forEach(f -> rows.add(figureRow("渠道", f)));
    report.types().forEach(f -> rows.add(figureRow("类型", f)));
    report.mailboxes().forEach(f -> rows.add(figureRow("信箱", f)));
    return new Table("指标 " + report.period().label(), FIGURE_HEADERS, rows);
  }

  static List<Object> figureRow(String group, Figures f) {
    Figures.Rates r = f.rates();
    List<Object> row = new ArrayList<>();
    row.add(group);
    row.add(f.key());
    row.add(f.name());
    row.add(f.received());
    row.add(f.dispatched());
    row.add(f.rejected());
    row.add(f.merged());
    row.add(f.replied());
    row.add(percent(r.replyRate()));
    row.add(f.resolved());
    row.add(percent(r.resolutionRate()));
    row.add(f.rated());
    row.add(f.satisfied());
    row.add(percent(r.satisfactionRate()));
    row.add(f.responseOverdue());
    row.add(percent(r.responseOverdueRate()));
    row.add(f.resolutionOverdue());
    row.add(percent(r.resolutionOverdueRate()));
    row.add(r.averageReplyDays() == null ? null : Math.round(r.averageReplyDays() * 100) / 100.0);
    row.add(f.acknowledgedOnTime());
    row.add(percent(r.onTimeAcknowledgementRate()));
    row.add(f.handled());
    row.add(f.returnedAppeals());
    row.add(f.returns());
    row.add(f.unjustifiedReturns());
    row.add(percent(r.returnRate()));
    row.add(f.redone());
    row.add(percent(r.redoRate()));
    row.add(f.concluded());
    row.add(f.concludedOnTime());
    row.add(percent(r.onTimeCompletionRate()));
    row.add(f.extensions());
    row.add(f.extensionsApproved());
    row.add(f.supervisionNotices());
    return row;
  }

  /** The appeals {@code appeals} hands over, each as a row, whole titles included. */
  static Table appeals(String title, Consumer<Consumer<ReportQueries.Listed>> appeals) {
    return new Table(title, List.of("受理编号", "受理时间", "渠道", "类型", "承办单位", "状态", "标题", "答复时间",
        "满意度", "签收超期", "办结超期"), (Rows) row -> appeals.accept(a -> row.accept(Arrays.asList(
        a.trackingNumber(), shown(a.receivedAt()), a.channel(), a.type(), a.unitName(), a.status(), a.title(),
        shown(a.repliedAt()), a.satisfaction(), a.responseOverdue() ? "是" : "否",
        a.resolutionOverdue() ? "是" : "否"))));
  }

  /** A rate as a percentage with two decimals (99.20), or empty where there was nothing to count. */
  static Double percent(Double rate) {
    return rate == null ? null : Math.round(rate * 10000) / 100.0;
  }

  private static String shown(OffsetDateTime t) {
    return t == null ? null : EngineClock.SHOWN.format(t);
  }

  static void csv(Table table, String filename, HttpServletResponse response) throws IOException {
    attachment(response, "text/csv;charset=UTF-8", filename + ".csv");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    out.write('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL)) {
      csv.printRecord(table.headers());
      table.rows().each(row -> {
        try {
          csv.printRecord(row.stream().map(Tables::inert).toList());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * Text that a spreadsheet would run as a formula (a citizen's title "=HYPERLINK(...)") is written with a leading
   * apostrophe, so that it is shown, not evaluated. (XLSX cells are written as text and need no such care.)
   */
  static Object inert(Object value) {
    if (value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return value;
  }

  static void xlsx(Table table, String filename, HttpServletResponse response) throws IOException {
    attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename + ".xlsx");
    OutputStream os = response.getOutputStream();
    Workbook workbook = new Workbook(os, "Wenzheng", "1.0");
    Worksheet sheet = workbook.newWorksheet("数据");
    for (int c = 0; c < table.headers().size(); c++) {
      sheet.value(0, c, table.headers().get(c));
      sheet.style(0, c).bold().set();
    }
    int[] r = {0};
    table.rows().each(row -> {
      r[0]++;
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        if (v instanceof Number n) {
          sheet.value(r[0], c, n);
        } else if (v != null) {
          sheet.value(r[0], c, v.toString());
        }
      }
      if (r[0] % XLSX_FLUSH_ROWS == 0) {
        try {
          sheet.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    workbook.finish();
  }

  private static void attachment(HttpServletResponse response, String type, String filename) {
    response.setContentType(type);
    response.setHeader("Content-Disposition", "attachment; filename=\"report" + filename.substring(
        filename.lastIndexOf('.')) + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8)
        .replace("+", "%20"));
  }
}
