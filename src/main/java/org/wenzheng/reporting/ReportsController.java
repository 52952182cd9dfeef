package org.wenzheng.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.directory.Directory;
import org.wenzheng.routing.Routing;
import org.wenzheng.web.ForbiddenException;
import org.wenzheng.web.InvalidFieldException;

/**
 * {@code /reports}: the dashboard (figures, weekly trends, 红黑榜, hot topics, routing suggestions' accuracy), the
 * appeals behind any figure, and
 * CSV and XLSX exports of both. {@code /api/reports/figures} gives the same figures as JSON.
 */
@Controller
class ReportsController {

  static final int TREND_WEEKS = 12;
  static final int LIST_LIMIT = 5000;

  private final ReportQueries queries;
  private final HotTopics topics;
  private final Directory directory;
  private final ObjectMapper json;
  private final Routing routing;
  private final int leagueMinimum;

  ReportsController(ReportQueries queries, HotTopics topics, Directory directory, ObjectMapper json, Routing routing,
      @Value("${wenzheng.reports.league-minimum}") int leagueMinimum) {
    this.queries = queries;
    this.topics = topics;
    this.directory = directory;
    this.json = json;
    this.routing = routing;
    this.leagueMinimum = leagueMinimum;
  }

  /**
   * How the routing suggestions did: over the period (in total and per unit chosen) and per week over the trend's
   * weeks, so the city sees whether routing gets better.
   */
  record RoutingReport(Routing.Figures period, List<Routing.Accuracy> weeks) {

    static RoutingReport of(Routing routing, Period p) {
      Period trend = p.weeksUpTo(TREND_WEEKS);
      return new RoutingReport(routing.figures(p.start(), p.end()), routing.figures(trend.start(), trend.end())
          .weeks());
    }
  }

  @GetMapping("/reports")
  String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String date,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String unit, Model model) throws JsonProcessingException {
    ReportAccess access = ReportAccess.current();
    String unitCode = access.unit(unit, directory);
    Period p = Period.parse(period, date, from, to);
    model.addAttribute("period", p);
    model.addAttribute("previous", p.previous());
    model.addAttribute("unit", unitCode);
    model.addAttribute("cityWide", access.cityWide());
    model.addAttribute("counts", Figures.COUNTS);
    List<ReportQueries.Week> trend = queries.trend(p, TREND_WEEKS, unitCode);
    model.addAttribute("trendJson", json.writeValueAsString(trendSeries(trend)));
    if (unitCode != null) {
      Figures f = queries.unit(p, unitCode);
      model.addAttribute("figures", f);
      model.addAttribute("title", f.name());
    } else {
      ReportQueries.Report report = queries.report(p);
      model.addAttribute("figures", report.city());
      model.addAttribute("title", "全市");
      model.addAttribute("report", report);
      League.Table league = League.of(report.city(), report.units(), leagueMinimum);
      model.addAttribute("league", league);
      model.addAttribute("frequent", topics.frequent(p, 20));
      model.addAttribute("rising", topics.rising(p, 10));
      model.addAttribute("unitsJson", json.writeValueAsString(unitSeries(report.units())));
      model.addAttribute("routing", RoutingReport.of(routing, p));
    }
    return "reports/dashboard";
  }

  @GetMapping("/reports/appeals")
  String appeals(@RequestParam(required = false) String period, @RequestParam(required = false) String date,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "received") String figure, @RequestParam(required = false) String dimension,
      @RequestParam(required = false) String key, Model model) {
    Listing listing = listing(period, date, from, to, figure, dimension, key);
    model.addAttribute("listing", listing);
    model.addAttribute("limit", LIST_LIMIT);
    return "reports/appeals";
  }

  @GetMapping("/reports/appeals.{format}")
  void appealsExport(@PathVariable String format, @RequestParam(required = false) String period,
      @RequestParam(required = false) String date, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "received") String figure,
      @RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
      HttpServletResponse response) throws IOException {
    Selection s = selection(period, date, from, to, figure, dimension, key);
    // Every appeal of the selection, streamed from the database into the file.
    write(format, Tables.appeals(s.title(), each -> queries.eachAppeal(s.period(), figure, s.dimension(), key, each)),
        s.title(), response);
  }

  @GetMapping("/reports/figures.{format}")
  void figuresExport(@PathVariable String format, @RequestParam(required = false) String period,
      @RequestParam(required = false) String date, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
      HttpServletResponse response) throws IOException {
    ReportAccess access = ReportAccess.current();
    String unitCode = access.unit(unit, directory);
    Period p = Period.parse(period, date, from, to);
    Tables.Table table;
    if (unitCode == null) {
      table = Tables.figures(queries.report(p));
    } else {
      table = new Tables.Table("指标", Tables.FIGURE_HEADERS, List.of(Tables.figureRow("承办单位",
          queries.unit(p, unitCode))));
    }
    write(format, table, "问政统计-" + p.label() + (unitCode == null ? "" : "-" + directory.unitName(unitCode)),
        response);
  }

  record Listing(Period period, String figure, String figureName, String dimension, String key, String groupName,
      String title, List<ReportQueries.Listed> appeals, boolean truncated) {
  }

  /** What a list shows: the period, the figure, the group, checked against who asks. */
  record Selection(Period period, String figure, String figureName, String dimension, String key, String groupName,
      String title) {
  }

  private Selection selection(String period, String date, String from, String to, String figure, String dimension,
      String key) {
    ReportAccess access = ReportAccess.current();
    if (!Figures.COUNTS.containsKey(figure)) {
      throw new InvalidFieldException("figure", "可选值 " + String.join(" | ", Figures.COUNTS.keySet()));
    }
    String dim = dimension == null || dimension.isBlank() ? null : dimension.strip();
    if (!access.cityWide() && !("unit".equals(dim) && access.unitCode().equals(key))) {
      throw new ForbiddenException("只能查看本单位的诉求");
    }
    Period p = Period.parse(period, date, from, to);
    String group = dim == null ? "全市" : "unit".equals(dim) ? directory.unitName(key) : key;
    String name = Figures.COUNTS.get(figure);
    return new Selection(p, figure, name, dim, key, group, p.label() + " " + group + " " + name);
  }

  private Listing listing(String period, String date, String from, String to, String figure, String dimension,
      String key) {
    Selection s = selection(period, date, from, to, figure, dimension, key);
    List<ReportQueries.Listed> list = queries.appeals(s.period(), figure, s.dimension(), key, LIST_LIMIT + 1);
    return new Listing(s.period(), figure, s.figureName(), s.dimension(), key, s.groupName(), s.title(),
        list.size() > LIST_LIMIT ? list.subList(0, LIST_LIMIT) : list, list.size() > LIST_LIMIT);
  }

  private static void write(String format, Tables.Table table, String filename, HttpServletResponse response)
      throws IOException {
    switch (format) {
      case "csv" -> Tables.csv(table, filename, response);
      case "xlsx" -> Tables.xlsx(table, filename, response);
      default -> throw new InvalidFieldException("format", "可选值 csv | xlsx");
    }
  }

  private static Map<String, Object> trendSeries(List<ReportQueries.Week> weeks) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("weeks", weeks.stream().map(w -> w.monday().toString().substring(5)).toList());
    m.put("received", weeks.stream().map(w -> w.figures().received()).toList());
    m.put("replied", weeks.stream().map(w -> w.figures().replied()).toList());
    m.put("satisfactionRate", weeks.stream().map(w -> Tables.percent(w.figures().rates().satisfactionRate()))
        .toList());
    m.put("resolutionOverdueRate", weeks.stream().map(w -> Tables.percent(
        w.figures().rates().resolutionOverdueRate())).toList());
    return m;
  }

  private static Map<String, Object> unitSeries(List<Figures> units) {
    List<Figures> top = units.stream().limit(15).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("names", top.stream().map(Figures::name).toList());
    m.put("handled", top.stream().map(Figures::handled).toList());
    m.put("replyRate", top.stream().map(f -> Tables.percent(f.rates().replyRate())).toList());
    return m;
  }

  /** Pages answer a refusal with a page, not JSON. */
  @ExceptionHandler(ForbiddenException.class)
  String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("message", e.getMessage());
    return "reports/refused";
  }

  @ExceptionHandler(InvalidFieldException.class)
  String invalid(InvalidFieldException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("message", e.getField() + "：" + e.getMessage());
    return "reports/refused";
  }

  /** The figures as JSON, for other tools; errors as problem+json. */
  @RestController
  static class Api {

    private final ReportQueries queries;
    private final Directory directory;
    private final Routing routing;
    private final int leagueMinimum;

    Api(ReportQueries queries, Directory directory, Routing routing,
        @Value("${wenzheng.reports.league-minimum}") int leagueMinimum) {
      this.queries = queries;
      this.directory = directory;
      this.routing = routing;
      this.leagueMinimum = leagueMinimum;
    }

    record Answer(String period, String label, String from, String to, Figures figures,
        ReportQueries.Report report, League.Table league, RoutingReport routing) {
    }

    @GetMapping(path = "/api/reports/figures", produces = "application/json")
    Answer figures(@RequestParam(required = false) String period, @RequestParam(required = false) String date,
        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
        @RequestParam(required = false) String unit) {
      ReportAccess access = ReportAccess.current();
      String unitCode = access.unit(unit, directory);
      Period p = Period.parse(period, date, from, to);
      if (unitCode != null) {
        return new Answer(p.kind(), p.label(), p.from().toString(), p.to().toString(), queries.unit(p, unitCode),
            null, null, null);
      }
      ReportQueries.Report report = queries.report(p);
      return new Answer(p.kind(), p.label(), p.from().toString(), p.to().toString(), report.city(), report,
          League.of(report.city(), report.units(), leagueMinimum), RoutingReport.of(routing, p));
    }
  }
}
