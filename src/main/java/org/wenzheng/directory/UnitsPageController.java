package org.wenzheng.directory;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wenzheng.calendar.EngineClock;

/**
 * {@code /units}: what the routing suggestions know of each unit, for the staff who route and oversee routing
 * (dispatch centre, supervision office, auditors, process owners, administrators; units read it too): its published
 * responsibilities (职责清单), the names citizens call it by (称呼), who changed them last, and each unit's recent
 * changes with the text before and after. Read only: administrators change them through
 * {@code PUT /api/units/{code}/responsibilities} and {@code …/aliases}.
 */
@Controller
class UnitsPageController {

  /** Changes shown per unit; the API pages through all of them. */
  static final int CHANGES = 20;

  private final Directory directory;

  UnitsPageController(Directory directory) {
    this.directory = directory;
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(EngineClock.ZONE);

  /** A unit as the page shows it; times already in Beijing time. */
  record UnitEntry(Unit unit, List<String> aliases, List<String> duties, String changedBy, String changedAt,
      List<ChangeRow> changes) {
  }

  record ChangeRow(String changedAt, String changedBy, String field, String before, String after) {
  }

  @GetMapping("/units")
  String page(Model model) {
    Map<String, Directory.Responsibilities> published = directory.responsibilities().stream()
        .collect(Collectors.toMap(Directory.Responsibilities::code, Function.identity()));
    List<UnitEntry> units = directory.dispatchableUnits().stream()
        .filter(u -> u.kind() == UnitKind.CITY_DEPARTMENT || u.kind() == UnitKind.DISTRICT)
        .map(u -> {
          Directory.Responsibilities p = published.get(u.code());
          List<String> duties = p == null || p.text() == null ? List.of()
              : p.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
          List<ChangeRow> changes = directory.changes(u.code(), CHANGES, 0).stream()
              .map(c -> new ChangeRow(WHEN.format(c.changedAt()), c.changedBy(),
                  "ALIASES".equals(c.field()) ? "称呼" : "职责清单", c.before(), c.after()))
              .toList();
          return new UnitEntry(u, p == null ? List.of() : p.aliases(), duties, p == null ? null : p.changedBy(),
              p == null || p.changedAt() == null ? null : WHEN.format(p.changedAt()), changes);
        })
        .toList();
    model.addAttribute("units", units);
    return "directory/units";
  }
}
