package org.wenzheng.open311;

import static org.wenzheng.web.TextInput.blankToNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.AppealType;
import org.wenzheng.appeal.Conclusion;
import org.wenzheng.appeal.HandlingOutcome;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.deadline.ResponseForecast;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Mailbox;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.publicboard.PublicText;
import org.wenzheng.web.TextInput;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.data.Rows;

/**
 * Appeals as Open311 GeoReport v2 sees them: the appeal types are the services; a request is an appeal, created
 * through the same intake as every channel and identified by its tracking number. What GET answers carry is public:
 * no name, phone or e-mail, the description masked ({@link PublicText}), places to the street, coordinates to
 * about 100 metres.
 */
@Service
class Open311Service {

  static final String OTHER = "OTHER";
  static final int MAX_ROWS = 1000;
  static final Duration MAX_SPAN = Duration.ofDays(90);
  static final DateTimeFormatter W3 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
      .withZone(EngineClock.ZONE);
  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Map<String, String> KEYWORDS = Map.of(
      "CONSULTATION", "咨询, 办事, 政策, 手续", "COMPLAINT", "投诉, 举报, 噪音, 路灯, 占道",
      "SUGGESTION", "建议, 意见, 城市管理", "INFORMATION", "信息, 公开, 查询", OTHER, "其他");

  private final JdbcClient jdbc;
  private final IntakeService intake;
  private final Directory directory;
  private final ResponseForecast forecast;

  Open311Service(JdbcClient jdbc, IntakeService intake, Directory directory, ResponseForecast forecast) {
    this.jdbc = jdbc;
    this.intake = intake;
    this.directory = directory;
    this.forecast = forecast;
  }

  // --- services -------------------------------------------------------------------------------------------------

  List<Map<String, Object>> services() {
    List<Map<String, Object>> services = new ArrayList<>();
    for (String code : codes()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("service_code", code);
      s.put("service_name", serviceName(code));
      s.put("description", OTHER.equals(code) ? "不确定类别的诉求，由调度中心审核分类"
          : serviceName(code) + "类诉求，由调度中心审核后转交承办单位办理");
      s.put("metadata", true);
      s.put("type", "realtime");
      s.put("keywords", KEYWORDS.get(code));
      s.put("group", "市民诉求");
      services.add(s);
    }
    return services;
  }

  Map<String, Object> definition(String code) {
    if (!codes().contains(code)) {
      throw new Open311Error(404, "service_code '" + code + "' not found");
    }
    Map<String, Object> title = new LinkedHashMap<>();
    title.put("variable", true);
    title.put("code", "TITLE");
    title.put("datatype", "string");
    title.put("required", false);
    title.put("datatype_description", "100 字以内");
    title.put("order", 1);
    title.put("description", "标题：一句话说明问题；不填则取内容开头");
    Map<String, Object> mailbox = new LinkedHashMap<>();
    mailbox.put("variable", true);
    mailbox.put("code", "MAILBOX");
    mailbox.put("datatype", "singlevaluelist");
    mailbox.put("required", false);
    mailbox.put("datatype_description", "不填由调度中心转办");
    mailbox.put("order", 2);
    mailbox.put("description", "写给领导信箱");
    mailbox.put("values", directory.mailboxes().stream().filter(Mailbox::active)
        .map(m -> {
          Map<String, Object> value = new LinkedHashMap<>();
          value.put("key", m.code());
          value.put("name", m.name());
          return (Object) value;
        }).toList());
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("service_code", code);
    definition.put("attributes", List.of(title, mailbox));
    return definition;
  }

  private static List<String> codes() {
    List<String> codes = new ArrayList<>(Arrays.stream(AppealType.values()).map(Enum::name).toList());
    codes.add(OTHER);
    return codes;
  }

  private static String serviceName(String code) {
    return OTHER.equals(code) ? "其他诉求" : AppealType.valueOf(code).label();
  }

  // --- creating a request -------------------------------------------------------------------------------------

  /** POST requests: the parameters as the client sent them (form-encoded). */
  @Transactional
  Map<String, Object> create(Open311Clients.Client client, Map<String, String> p) {
    cleanText(p);
    String code = required(p, "service_code");
    if (!codes().contains(code)) {
      throw new Open311Error(400, "service_code '" + code + "' is not a service of this endpoint");
    }
    BigDecimal lat = coordinate(p, "lat", 90);
    BigDecimal lon = coordinate(p, "long", 180);
    String addressString = blankToNull(p.get("address_string"));
    String addressId = blankToNull(p.get("address_id"));
    if ((lat == null || lon == null) && addressString == null && addressId == null) {
      throw new Open311Error(400, "a location is required: lat and long, address_string or address_id");
    }
    String description = required(p, "description");
    if (description.length() > 3000) {
      throw new Open311Error(400, "description: at most 3000 characters");
    }
    String phone = blankToNull(p.get("phone"));
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new Open311Error(400, "phone: a mobile number (11 digits) or a landline such as 028-12345678");
    }
    String email = blankToNull(p.get("email"));
    if (email != null && (!EMAIL.matcher(email).matches() || email.length() > 200)) {
      throw new Open311Error(400, "email is not a valid address");
    }
    String title = blankToNull(p.get("attribute[TITLE]"));
    if (title != null && title.length() > 100) {
      throw new Open311Error(400, "attribute[TITLE]: at most 100 characters");
    }
    String mailbox = blankToNull(p.get("attribute[MAILBOX]"));
    String name = joinName(p.get("first_name"), p.get("last_name"));
    String address = addressString != null ? addressString : addressId != null ? "地址编号 " + addressId : null;
    if (address != null && address.length() > 200) {
      throw new Open311Error(400, "address_string: at most 200 characters");
    }
    Appeal appeal;
    try {
      appeal = intake.submit(new AppealSubmission(mailbox == null ? "OPEN311" : "MAILBOX",
          "open311-" + client.id() + "-" + UUID.randomUUID(), title, description,
          OTHER.equals(code) ? null : code, mailbox, new AppealSubmission.Citizen(name, phone, email),
          new AppealSubmission.Location(null, null, address, lat, lon), false, true)).appeal();
    } catch (InvalidFieldException e) {
      throw new Open311Error(400, "attribute[" + e.getField().toUpperCase() + "]: " + e.getMessage());
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    jdbc.sql("insert into open311_request (token, appeal_id, client_id, created_at) values (?, ?, ?, ?)")
        .params(token, appeal.id(), client.id(), EngineClock.nowUtc()).update();
    Instant due = forecast.responseDueIfDispatchedAt(appeal.receivedAt().toInstant(), false);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("service_request_id", appeal.trackingNumber());
    answer.put("token", token);
    answer.put("service_notice", "调度中心审核转办后，承办单位将按办理时限签收办理；按现行时限，最迟 "
        + W3.format(due) + " 前签收。凭受理编号和手机号后四位可在网站查询进度。");
    answer.put("account_id", null);
    return answer;
  }

  /** tokens/{token}: the request a token stands for. */
  Map<String, Object> token(String token) {
    return jdbc.sql("select a.tracking_number from open311_request r join published.appeal a on a.id = r.appeal_id "
            + "where r.token = ?").param(token).query(String.class).optional()
        .map(tn -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("service_request_id", tn);
          m.put("token", token);
          return m;
        })
        .orElseThrow(() -> new Open311Error(404, "token '" + token + "' not found"));
  }

  // --- reading requests -----------------------------------------------------------------------------------------

  record Row(long id, String trackingNumber, String status, String title, String content, String citizenName,
      boolean publishable, String appealType, String requestedType, String departmentCode, OffsetDateTime receivedAt,
      OffsetDateTime updatedAt, OffsetDateTime resolutionDueAt, OffsetDateTime responseDueAt, String replyText,
      String rejectNote, String mergedIntoNumber, String district, String street, String address,
      BigDecimal lat, BigDecimal lon, String handlingOutcome, String conclusion) {
  }

  private static final String SELECT = """
      select a.id, a.tracking_number, a.status, a.title, a.content, a.citizen_name, a.publishable, a.appeal_type,
          a.requested_type, a.department_code, a.received_at, a.updated_at, a.resolution_due_at, a.response_due_at,
          a.reply_text, a.reject_note, m.tracking_number as merged_into_number, a.district, a.street, a.address,
          a.lat, a.lon, a.handling_outcome, a.conclusion
      from published.appeal a left join published.appeal m on m.id = a.merged_into""";
  private static final String CLOSED = AppealStatus.sql(AppealStatus.CLOSED);

  /** requests: by ids (which overrides every other filter), or by service, period and status. */
  List<Map<String, Object>> requests(Map<String, String> p) {
    cleanText(p);
    String ids = blankToNull(p.get("service_request_id"));
    if (ids != null) {
      List<String> numbers = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
          .limit(MAX_ROWS).toList();
      if (numbers.isEmpty()) {
        throw new Open311Error(400, "service_request_id names no request");
      }
      return jdbc.sql(SELECT + " where a.tracking_number in (:ids) order by a.received_at desc")
          .param("ids", numbers).query(Rows.of(Row.class)).list().stream().map(this::request).toList();
    }
    Instant end = time(p, "end_date").orElse(EngineClock.now());
    Instant start = time(p, "start_date").orElse(end.minus(MAX_SPAN));
    if (start.isAfter(end)) {
      throw new Open311Error(400, "start_date is after end_date");
    }
    if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
      throw new Open311Error(400, "start_date and end_date may not span more than 90 days");
    }
    StringBuilder where = new StringBuilder(" where a.received_at >= :start and a.received_at <= :end");
    String code = blankToNull(p.get("service_code"));
    if (code != null) {
      if (!codes().contains(code)) {
        throw new Open311Error(400, "service_code '" + code + "' is not a service of this endpoint");
      }
      where.append(" and coalesce(a.appeal_type, a.requested_type, 'OTHER') = :code");
    }
    String status = blankToNull(p.get("status"));
    if (status != null) {
      List<String> statuses = Arrays.stream(status.split(",")).map(String::strip).distinct().toList();
      if (!List.of("open", "closed").containsAll(statuses)) {
        throw new Open311Error(400, "status must be open, closed or both (comma separated)");
      }
      if (statuses.size() == 1) {
        where.append(statuses.get(0).equals("open") ? " and a.status not in " + CLOSED
            : " and a.status in " + CLOSED);
      }
    }
    var query = jdbc.sql(SELECT + where + " order by a.received_at desc, a.id desc limit " + MAX_ROWS)
        .param("start", EngineClock.utc(start)).param("end", EngineClock.utc(end));
    if (code != null) {
      query = query.param("code", code);
    }
    return query.query(Rows.of(Row.class)).list().stream().map(this::request).toList();
  }

  Map<String, Object> request(String trackingNumber) {
    return jdbc.sql(SELECT + " where a.tracking_number = ?").param(trackingNumber).query(Rows.of(Row.class)).optional()
        .map(this::request)
        .orElseThrow(() -> new Open311Error(404, "service_request_id '" + trackingNumber + "' not found"));
  }

  private Map<String, Object> request(Row r) {
    AppealStatus status = AppealStatus.valueOf(r.status());
    boolean closed = switch (status) {
      case CONCLUDED, ARCHIVED, REJECTED, MERGED -> true;
      default -> false;
    };
    String unit = r.departmentCode() == null ? null : directory.unitName(r.departmentCode());
    String code = r.appealType() != null ? r.appealType() : r.requestedType() != null ? r.requestedType() : OTHER;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", r.trackingNumber());
    m.put("status", closed ? "closed" : "open");
    m.put("status_notes", notes(r, status, unit));
    m.put("service_name", serviceName(code));
    m.put("service_code", code);
    m.put("description", r.publishable() ? PublicText.mask(r.content(), r.citizenName()) : "（诉求人未同意公开内容）");
    m.put("agency_responsible", unit);
    m.put("service_notice", null);
    m.put("requested_datetime", W3.format(r.receivedAt().toInstant()));
    m.put("updated_datetime", W3.format(r.updatedAt().toInstant()));
    OffsetDateTime expected = closed || status == AppealStatus.PENDING_REVIEW || status == AppealStatus.RETURNED
        ? null : r.resolutionDueAt();
    m.put("expected_datetime", expected == null ? null : W3.format(expected.toInstant()));
    // Without the citizen's consent nothing of their words or their place beyond the district is public.
    m.put("address", r.publishable() ? publicAddress(r) : r.district());
    m.put("address_id", null);
    m.put("zipcode", null);
    m.put("lat", r.lat() == null || !r.publishable() ? null : r.lat().setScale(3, RoundingMode.HALF_UP));
    m.put("long", r.lon() == null || !r.publishable() ? null : r.lon().setScale(3, RoundingMode.HALF_UP));
    m.put("media_url", null);
    return m;
  }

  private String notes(Row r, AppealStatus status, String unit) {
    String reply = r.replyText() == null || !r.publishable() ? ""
        : "：" + PublicText.mask(r.replyText(), r.citizenName());
    return switch (status) {
      case PENDING_REVIEW -> "待调度中心审核";
      case DISPATCHED -> "已转交" + unit + "，待签收";
      case HANDLING -> unit + "办理中";
      case RETURNED -> "承办单位退单，待调度中心重新派单";
      case REPLY_REVIEW -> "承办单位已答复，调度中心审核答复中";
      case REPLIED -> unit + "已答复（" + HandlingOutcome.valueOf(r.handlingOutcome()).label() + "）" + reply;
      case CONCLUDED, ARCHIVED -> "已办结（"
          + (r.conclusion() == null ? "" : Conclusion.valueOf(r.conclusion()).label()) + "）" + reply;
      case REJECTED -> "不予受理" + (r.publishable() && r.rejectNote() != null
          ? "：" + PublicText.mask(r.rejectNote(), r.citizenName()) : "");
      case MERGED -> "与同一问题的诉求 " + r.mergedIntoNumber() + " 合并办理" + reply;
    };
  }

  /** The place to the street: house numbers are masked, and the address from a client is masked like text. */
  private static String publicAddress(Row r) {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {r.district(), r.street(), r.address()}) {
      if (part != null && !part.isBlank()) {
        sb.append(part.strip());
      }
    }
    return sb.isEmpty() ? null : PublicText.mask(sb.toString(), r.citizenName());
  }

  // --- parameters -----------------------------------------------------------------------------------------------

  /** Text no person types (a NUL byte, a broken encoding) is refused, never stored or searched for. */
  private static void cleanText(Map<String, String> p) {
    for (Map.Entry<String, String> e : p.entrySet()) {
      String problem = TextInput.problem(e.getValue());
      if (problem == null) {
        problem = TextInput.problem(e.getKey());
      }
      if (problem != null) {
        throw new Open311Error(400, e.getKey() + ": " + problem);
      }
    }
  }

  private static String required(Map<String, String> p, String name) {
    String v = blankToNull(p.get(name));
    if (v == null) {
      throw new Open311Error(400, name + " is required");
    }
    return v;
  }

  private static BigDecimal coordinate(Map<String, String> p, String name, int bound) {
    String v = blankToNull(p.get(name));
    if (v == null) {
      return null;
    }
    if (v.length() > 32) {
      throw new Open311Error(400, name + " is not a coordinate");
    }
    try {
      // Compared before rounding: a value such as 1E+2147483647 cannot be rounded to six places.
      BigDecimal d = new BigDecimal(v);
      if (d.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
        throw new Open311Error(400, name + " is out of range");
      }
      return d.setScale(6, RoundingMode.HALF_UP);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new Open311Error(400, name + " is not a number");
    }
  }

  private static Optional<Instant> time(Map<String, String> p, String name) {
    String v = blankToNull(p.get(name));
    if (v == null) {
      return Optional.empty();
    }
    try {
      // An unencoded "+08:00" in a query string arrives as " 08:00".
      OffsetDateTime t = OffsetDateTime.parse(v.replace(' ', '+'));
      if (t.getYear() < 2000 || t.getYear() > 2199) {
        throw new Open311Error(400, name + " must lie between the years 2000 and 2199");
      }
      return Optional.of(t.toInstant());
    } catch (DateTimeParseException e) {
      throw new Open311Error(400, name + " must be a w3 date-time with an offset, e.g. 2026-11-01T00:00:00+08:00");
    }
  }

  private static String joinName(String first, String last) {
    String name = ((last == null ? "" : last.strip()) + (first == null ? "" : first.strip())).strip();
    return name.isEmpty() ? null : name.length() > 50 ? name.substring(0, 50) : name;
  }
}
