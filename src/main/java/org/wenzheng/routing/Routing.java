package org.wenzheng.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealType;
import org.wenzheng.appeal.Channel;
import org.wenzheng.appeal.Complexity;
import org.wenzheng.appeal.Labelled;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Mailbox;
import org.wenzheng.directory.Unit;
import org.wenzheng.directory.UnitKind;

/**
 * 智能派单建议: for an appeal, the units most likely responsible (up to three, with their share of the score and the
 * source: the supervision office's rules first, then the unit the citizen asks for by name, then what was learned from
 * past dispatches and the units' responsibilities), its type, complexity and urgency. Made in the background when the
 * review task is created (or, if that was skipped, when the form is first opened) and recorded beside the dispatcher's
 * choice, so the city sees how often the suggestion was taken.
 */
@Service
@NamedInterface("routing")
public class Routing {

  private static final Logger log = LoggerFactory.getLogger(Routing.class);

  /** The supervision office's routing rules (processes/routing-rules.dmn), evaluated before anything learned. */
  public static final String DECISION_RULES = "RoutingRules";

  /** How many units are suggested. */
  static final int UNITS = 3;

  /** What a suggestion is asked for. */
  public record Request(String title, String content, String district, String street, Channel channel,
      String mailboxCode) {
  }

  /**
   * One suggested unit: its share of the neighbours' score (0–1; a rule's unit is 1; a unit the citizen named has its
   * share, 0 when none of the neighbours had it), where it comes from, and for a rule or a name why (the rule's note,
   * the name the citizen used).
   */
  public record UnitSuggestion(String code, String name, double score, Source source, String note) {
  }

  /** The suggestion: units best first; type, complexity and urgency (null type or complexity: nothing learned). */
  public record Suggestion(List<UnitSuggestion> units, AppealType appealType, Complexity complexity,
      boolean urgent, String ruleNote) {

    public Optional<UnitSuggestion> first() {
      return units.isEmpty() ? Optional.empty() : Optional.of(units.get(0));
    }
  }

  private final RoutingIndex index;
  private final RoutingRules rules;
  private final BackgroundSuggestions background;
  private final Directory directory;
  private final AppealRepository appeals;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  Routing(RoutingIndex index, RoutingRules rules, BackgroundSuggestions background, Directory directory,
      AppealRepository appeals, JdbcClient jdbc, ObjectMapper json) {
    this.index = index;
    this.rules = rules;
    this.background = background;
    this.directory = directory;
    this.appeals = appeals;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Learns from the dispatches as they are now, at once (the model is otherwise refreshed every few minutes). */
  public void relearn() {
    index.rebuild();
  }

  /** The suggestion for an appeal described by the request (nothing is recorded). */
  public Suggestion suggest(Request request) {
    return suggest(request, index.model());
  }

  /** The suggestion with this model (the accuracy test's, trained without the appeals it scores). */
  Suggestion suggest(Request request, RoutingModel model) {
    return suggest(request, model, Set.of());
  }

  private Suggestion suggest(Request request, RoutingModel model, Set<String> excluded) {
    String text = String.join("。", request.title() == null ? "" : request.title(), request.content());
    Map<String, Unit> units = directory.units().stream().collect(Collectors.toMap(Unit::code, u -> u));
    List<UnitSuggestion> suggested = new ArrayList<>();
    Optional<RoutingRules.Ruling> ruling = rules.apply(text, request.district(),
        request.channel() == null ? null : request.channel().name());
    ruling.filter(r -> units.containsKey(r.unit()) && !excluded.contains(r.unit())).ifPresent(r ->
        suggested.add(new UnitSuggestion(r.unit(), units.get(r.unit()).name(), 1.0, Source.RULE, r.note())));
    RoutingModel.Prediction prediction = model.predict(text);
    String local = localUnit(request, text, units);
    prediction.named().ifPresent(named -> {
      String code = RoutingModel.LOCAL.equals(named.label()) ? local : named.label();
      double share = prediction.units().stream().filter(s -> s.label().equals(named.label()))
          .mapToDouble(RoutingModel.Scored::score).findFirst().orElse(0);
      offer(suggested, units, excluded, code, share, Source.NAMED, named.alias());
    });
    for (RoutingModel.Scored s : prediction.units()) {
      offer(suggested, units, excluded, RoutingModel.LOCAL.equals(s.label()) ? local : s.label(), s.score(),
          s.source(), null);
    }
    return new Suggestion(suggested, Labelled.parse(AppealType.class, prediction.type()).orElse(null),
        Labelled.parse(Complexity.class, prediction.complexity()).orElse(null),
        ruling.map(RoutingRules.Ruling::urgent).orElse(false) || prediction.urgent(),
        ruling.map(RoutingRules.Ruling::note).orElse(null));
  }

  /** Adds the unit after those suggested already, unless it is one of them, unknown, inactive, excluded or fourth. */
  private static void offer(List<UnitSuggestion> suggested, Map<String, Unit> units, Set<String> excluded,
      String code, double score, Source source, String note) {
    Unit unit = code == null ? null : units.get(code);
    if (suggested.size() < UNITS && unit != null && unit.active() && !excluded.contains(code)
        && suggested.stream().noneMatch(u -> u.code().equals(code))) {
      suggested.add(new UnitSuggestion(code, unit.name(), round(score), source, note));
    }
  }

  /**
   * The district whose local matters these are: the district of the leader mailbox written to, the district the
   * appeal names in its place, or the first district named in its words; null when none is known.
   */
  private String localUnit(Request request, String text, Map<String, Unit> units) {
    List<Unit> districts = units.values().stream().filter(u -> u.kind() == UnitKind.DISTRICT && u.active()).toList();
    if (request.mailboxCode() != null) {
      Optional<String> ofMailbox = directory.mailbox(request.mailboxCode()).map(Mailbox::unitCode)
          .filter(code -> districts.stream().anyMatch(d -> d.code().equals(code)));
      if (ofMailbox.isPresent()) {
        return ofMailbox.get();
      }
    }
    if (request.district() != null) {
      Optional<Unit> named = districts.stream().filter(d -> d.name().equals(request.district().strip())).findFirst();
      if (named.isPresent()) {
        return named.get().code();
      }
    }
    return districts.stream().filter(d -> text.contains(d.name()))
        .min((a, b) -> Integer.compare(text.indexOf(a.name()), text.indexOf(b.name()))).map(Unit::code).orElse(null);
  }

  private static double round(double score) {
    return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * Makes and records the suggestion for a review task just created, in the background once the task's transaction
   * has committed (at most a set number a second, {@link BackgroundSuggestions}): intake does not wait for it, and
   * the dispatcher finds it ready. One not made then is made when the form is first opened.
   */
  public void suggestWhenCreated(String trackingNumber, String reviewTaskId) {
    background.afterCommit(() -> {
      // Not from the responsibilities alone while the first model of the dispatches is being built (at start).
      index.awaitLearned(Duration.ofSeconds(30));
      appeals.findByTrackingNumber(trackingNumber).ifPresent(appeal -> suggestionFor(appeal, reviewTaskId, false));
    });
  }

  /**
   * The suggestion for a review task of this appeal: the one recorded for the task (made in the background when the
   * task was created, {@link #suggestWhenCreated}), or made now and recorded. An appeal back in review after a return
   * the dispatch centre agreed to is not suggested to the units that returned it.
   *
   * @param shown whether the review form is showing it now (the first time is recorded)
   */
  public Suggestion suggestionFor(Appeal appeal, String reviewTaskId, boolean shown) {
    Optional<Suggestion> recorded = recordedFor(reviewTaskId);
    if (recorded.isEmpty()) {
      Suggestion s;
      try {
        Set<String> returnedIt = appeals.returns(appeal.id()).stream()
            .filter(r -> "AGREED".equals(r.decision())).map(AppealRepository.Return::departmentCode)
            .collect(Collectors.toSet());
        s = suggest(new Request(appeal.title(), appeal.content(), appeal.district(), appeal.street(),
            appeal.channel(), appeal.mailboxCode()), index.model(), returnedIt);
      } catch (RuntimeException e) {
        // A suggestion is a help, never a condition: the review goes on without one.
        log.warn("No routing suggestion for appeal {}: {}", appeal.id(), e.toString());
        s = new Suggestion(List.of(), null, null, false, null);
      }
      UnitSuggestion first = s.first().orElse(null);
      jdbc.sql("""
              insert into routing_suggestion (task_id, appeal_id, suggested_at, unit_code, unit_score, unit_source,
                  units, rule_note, appeal_type, complexity, urgent)
              values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
              on conflict (task_id) do nothing""")
          .params(reviewTaskId, appeal.id(), EngineClock.nowUtc(), first == null ? null : first.code(),
              first == null ? null : first.score(), first == null ? null : first.source().name(), toJson(s.units()),
              s.ruleNote(), s.appealType() == null ? null : s.appealType().name(),
              s.complexity() == null ? null : s.complexity().name(), s.urgent())
          .update();
      recorded = recordedFor(reviewTaskId);
    }
    if (shown) {
      jdbc.sql("update routing_suggestion set shown_at = ? where task_id = ? and shown_at is null")
          .params(EngineClock.nowUtc(), reviewTaskId).update();
    }
    return recorded.orElseThrow();
  }

  private Optional<Suggestion> recordedFor(String reviewTaskId) {
    record Row(String units, String ruleNote, String appealType, String complexity, boolean urgent) {
    }
    return jdbc.sql("""
            select units::text as units, rule_note, appeal_type, complexity, urgent
            from routing_suggestion where task_id = ?""").param(reviewTaskId).query(Rows.of(Row.class)).optional()
        .map(r -> new Suggestion(fromJson(r.units()), Labelled.parse(AppealType.class, r.appealType()).orElse(null),
            Labelled.parse(Complexity.class, r.complexity()).orElse(null), r.urgent(), r.ruleNote()));
  }

  /**
   * The dispatcher's decision on a review task: the unit chosen (null: not accepted, so nothing to compare),
   * recorded beside the task's suggestion (made now if the form never showed it) as accepted or changed.
   */
  public void recordChoice(Appeal appeal, String reviewTaskId, String chosenUnit) {
    suggestionFor(appeal, reviewTaskId, false);
    jdbc.sql("""
            update routing_suggestion set decided_at = ?, chosen_unit = ?,
                accepted = case when cast(? as varchar) is null then null else unit_code is not distinct from ? end
            where task_id = ?""")
        .params(EngineClock.nowUtc(), chosenUnit, chosenUnit, chosenUnit, reviewTaskId).update();
  }

  // --- figures --------------------------------------------------------------------------------------------------

  /**
   * How the suggestions did over the review decisions of a period (an appeal back in review after an agreed return
   * is decided again), in total, per unit chosen and per week (Monday, Chinese time): dispatched, dispatched to the
   * suggested unit, and dispatches later returned by that unit with the dispatch centre agreeing it was not theirs
   * (退单同意).
   */
  public record Accuracy(String key, String name, long dispatched, long accepted, long returnedAsWrongUnit) {

    /** Accepted as suggested / dispatched, in percent (one decimal), or null without dispatches. */
    @JsonProperty("rate")
    public Double rate() {
      return dispatched == 0 ? null : Math.round(1000.0 * accepted / dispatched) / 10.0;
    }
  }

  public record Figures(Accuracy total, List<Accuracy> units, List<Accuracy> weeks) {
  }

  public Figures figures(Instant from, Instant until) {
    String cohort = """
        from routing_suggestion s
        left join lateral (select count(*) as n from published.appeal_return r
                           where r.appeal_id = s.appeal_id and r.department_code = s.chosen_unit
                             and r.returned_at >= s.decided_at and r.decision = 'AGREED') wrong on true
        where s.decided_at >= :from and s.decided_at < :until and s.chosen_unit is not null""";
    String counts = "count(*) as dispatched, count(*) filter (where s.accepted) as accepted, "
        + "count(*) filter (where wrong.n > 0) as returned_as_wrong_unit ";
    record Row(String key, long dispatched, long accepted, long returnedAsWrongUnit) {
    }
    var params = Map.<String, Object>of("from", EngineClock.utc(from), "until", EngineClock.utc(until));
    Row total = jdbc.sql("select 'total' as key, " + counts + cohort).params(params).query(Rows.of(Row.class))
        .single();
    List<Accuracy> units = jdbc.sql("select s.chosen_unit as key, " + counts + cohort
            + " group by s.chosen_unit order by count(*) desc, s.chosen_unit")
        .params(params).query(Rows.of(Row.class)).list().stream()
        .map(r -> new Accuracy(r.key(), directory.unitName(r.key()), r.dispatched(), r.accepted(),
            r.returnedAsWrongUnit()))
        .toList();
    List<Accuracy> weeks = jdbc.sql("select date_trunc('week', s.decided_at at time zone 'Asia/Shanghai')::date::text"
            + " as key, " + counts + cohort + " group by 1 order by 1")
        .params(params).query(Rows.of(Row.class)).list().stream()
        .map(r -> new Accuracy(r.key(), LocalDate.parse(r.key()) + " 当周", r.dispatched(), r.accepted(),
            r.returnedAsWrongUnit()))
        .toList();
    return new Figures(new Accuracy("total", "全市", total.dispatched(), total.accepted(),
        total.returnedAsWrongUnit()), units, weeks);
  }

  private String toJson(List<UnitSuggestion> units) {
    try {
      return json.writeValueAsString(units);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<UnitSuggestion> fromJson(String units) {
    try {
      return json.readValue(units, new TypeReference<List<UnitSuggestion>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
