package org.wenzheng.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.support.WenzhengTest;

/**
 * A list longer than the page: the page shows the first {@value ReportsController#LIST_LIMIT} and says so, the CSV
 * and XLSX exports carry every appeal of the selection with whole titles, and statuses read in Chinese. June 2019,
 * which no other test uses.
 */
@WenzhengTest
class ReportExportTest {

  static final int APPEALS = ReportsController.LIST_LIMIT + 7;
  static final String LONG_TITLE = "建设北路二段与府青路交叉口东北角的人行道上共享单车长期乱停乱放，占满盲道，"
      + "行人只能走机动车道，早晚高峰十分危险，希望尽快清理并划定停放区域";
  static final String QUERY = "?period=month&date=2019-06-01&figure=received";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void aMonthWithMoreAppealsThanAPage() {
    if (jdbc.sql("select count(*) from appeal where tracking_number like 'EX19%'").query(Long.class).single() > 0) {
      return;
    }
    jdbc.sql("""
        insert into appeal (tracking_number, channel, channel_message_id, title, content, requested_type,
            appeal_type, department_code, status, received_at, updated_at, dispatched_at)
        select 'EX1906' || lpad(n::text, 6, '0'), 'WEB', 'EX1906' || n,
               case when n = 1 then :title else '路灯不亮' || n end, '内容', 'COMPLAINT', 'COMPLAINT', 'cgw',
               'HANDLING', timestamptz '2019-06-03 09:00+08' + n * interval '1 minute',
               timestamptz '2019-06-03 09:00+08' + n * interval '1 minute',
               timestamptz '2019-06-03 09:30+08' + n * interval '1 minute'
        from generate_series(1, :n) n""").param("title", LONG_TITLE).param("n", APPEALS).update();
  }

  @Test
  void thePageShowsTheFirstRowsAndSaysSoInChinese() throws Exception {
    String page = new String(get("/reports/appeals" + QUERY).body(), StandardCharsets.UTF_8);
    assertThat(page).contains("<span id=\"count\">" + ReportsController.LIST_LIMIT + "</span>");
    assertThat(page).contains("只列出前 " + ReportsController.LIST_LIMIT + " 件，完整清单请导出");
    assertThat(page).contains("<td>办理中</td>").doesNotContain("HANDLING");
    assertThat(page).contains(LONG_TITLE);
  }

  @Test
  void theCsvExportCarriesEveryAppealOfTheSelection() throws Exception {
    HttpResponse<byte[]> csv = get("/reports/appeals.csv" + QUERY);
    assertThat(csv.statusCode()).isEqualTo(200);
    String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1); // the byte order mark
    List<CSVRecord> records = CSVParser.parse(text, CSVFormat.EXCEL).getRecords();
    assertThat(records).hasSize(APPEALS + 1);
    assertThat(records.get(0).get(5)).isEqualTo("状态");
    assertThat(records.get(1).get(0)).isEqualTo("EX1906000001");
    assertThat(records.get(1).get(5)).isEqualTo("办理中");
    assertThat(records.get(1).get(6)).isEqualTo(LONG_TITLE);
    assertThat(records.get(APPEALS).get(0)).isEqualTo("EX1906" + String.format("%06d", APPEALS));
  }

  @Test
  void theXlsxExportCarriesEveryAppealOfTheSelection() throws Exception {
    HttpResponse<byte[]> xlsx = get("/reports/appeals.xlsx" + QUERY);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()));
        Stream<Row> rows = workbook.getFirstSheet().openStream()) {
      List<Row> all = rows.toList();
      assertThat(all).hasSize(APPEALS + 1);
      assertThat(all.get(1).getCellText(6)).isEqualTo(LONG_TITLE);
      assertThat(all.get(APPEALS).getCellText(0)).isEqualTo("EX1906" + String.format("%06d", APPEALS));
    }
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    String token = Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
