package org.wenzheng.directory;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

  /** A unit as the page shows it: what it publishes (nothing yet: no text, no aliases) and its latest changes. */
  record UnitEntry(Unit unit, Directory.Responsibilities published, List<Directory.Change> changes) {
  }

  @GetMapping("/units")
  String page(Model model) {
    Map<String, Directory.Responsibilities> published = directory.responsibilities().stream()
        .collect(Collectors.toMap(Directory.Responsibilities::code, Function.identity()));
    List<UnitEntry> units = directory.dispatchableUnits().stream()
        .filter(u -> u.kind() == UnitKind.CITY_DEPARTMENT || u.kind() == UnitKind.DISTRICT)
        .map(u -> new UnitEntry(u, published.getOrDefault(u.code(),
            new Directory.Responsibilities(u.code(), u.name(), u.kind(), null, List.of(), null, null)),
            directory.changes(u.code(), CHANGES, 0)))
        .toList();
    model.addAttribute("units", units);
    return "directory/units";
  }
}
