package org.wenzheng.routing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which unit a citizen asks for by name (来信点名): "要求环保部门检测噪音", "请卫生执法部门查一下", "@成都城管",
 * "希望街道和区上出面协调". A name counts when it follows a request (请, 要求, 希望, 建议, 恳请, 麻烦, 呼吁, @) in the same
 * sentence; the first name after the first such request wins, the longest where two start at the same place. A name
 * mentioned without a request ("社区说管不了", "报了警") says what happened, not who should act, and does not count.
 *
 * <p>The names are the units' aliases in the directory (称呼); a name two units go by names neither.
 */
final class NamedUnits {

  /** From a request word to the end of its sentence. */
  private static final Pattern ASKING = Pattern.compile("(?:请|要求|希望|建议|恳请|麻烦|呼吁|@)[^。！？!?；;\\n]*");

  /** An alias of a unit ({@code label}: its code, or {@link RoutingModel#LOCAL} for a district's). */
  record Name(String label, String alias) {
  }

  private final Map<String, String> labels;

  NamedUnits(List<Name> names) {
    Map<String, String> labels = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Name n : names) {
      String before = labels.putIfAbsent(n.alias(), n.label());
      if (before != null && !before.equals(n.label())) {
        ambiguous.add(n.alias());
      }
    }
    ambiguous.forEach(labels::remove);
    this.labels = Map.copyOf(labels);
  }

  /** The unit the text asks for by name, with the name it used; empty when it asks none by name. */
  Optional<Name> in(String text) {
    if (labels.isEmpty() || text == null) {
      return Optional.empty();
    }
    Matcher asking = ASKING.matcher(text);
    while (asking.find()) {
      String request = asking.group();
      String best = null;
      int at = Integer.MAX_VALUE;
      for (String alias : labels.keySet()) {
        int i = request.indexOf(alias);
        if (i >= 0 && (i < at || (i == at && alias.length() > best.length()))) {
          best = alias;
          at = i;
        }
      }
      if (best != null) {
        return Optional.of(new Name(labels.get(best), best));
      }
    }
    return Optional.empty();
  }
}
