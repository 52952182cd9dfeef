package org.wenzheng.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 红黑榜: units ranked by a composite score of the figures the seed cities rank on. Each component is a rate from 0
 * to 1 where 1 is best; a unit with nothing to measure on a component (no ratings yet) gets the city's rate for it,
 * so that it is neither rewarded nor punished for that.
 *
 * <pre>
 * score = 100 × (0.25 × 及时签收率 + 0.30 × 按时办结率 + 0.25 × 满意率 + 0.10 × (1 − 回退率) + 0.10 × (1 − 重办率))
 * </pre>
 *
 * Only units that held at least {@code minimum} appeals of the period are ranked (a unit with one appeal is not the
 * city's best or worst). The black list is the worst five, at most the lower half of the ranking; the red list the
 * best five of the rest that replied to at least one appeal of the period (a unit that answered nobody is never
 * praised, whatever its score). No unit is on both.
 */
final class League {

  record Entry(int rank, String code, String name, double score, long handled, long replied,
      Double onTimeAcknowledgementRate,
      Double onTimeCompletionRate, Double satisfactionRate, Double returnRate, Double redoRate) {
  }

  record Table(List<Entry> ranked, List<Entry> red, List<Entry> black, int minimum) {
  }

  static final int LIST_SIZE = 5;

  private League() {
  }

  static Table of(Figures city, List<Figures> units, int minimum) {
    Figures.Rates c = city.rates();
    List<Entry> entries = new ArrayList<>();
    for (Figures u : units) {
      if (u.handled() < minimum) {
        continue;
      }
      Figures.Rates r = u.rates();
      double ack = or(r.onTimeAcknowledgementRate(), c.onTimeAcknowledgementRate());
      double done = or(r.onTimeCompletionRate(), c.onTimeCompletionRate());
      double satisfied = or(r.satisfactionRate(), c.satisfactionRate());
      double returned = or(r.returnRate(), c.returnRate());
      double redone = or(r.redoRate(), c.redoRate());
      double score = 100 * (0.25 * ack + 0.30 * done + 0.25 * satisfied + 0.10 * (1 - returned)
          + 0.10 * (1 - redone));
      entries.add(new Entry(0, u.key(), u.name(), Math.round(score * 10) / 10.0, u.handled(), u.replied(),
          r.onTimeAcknowledgementRate(), r.onTimeCompletionRate(), r.satisfactionRate(), r.returnRate(),
          r.redoRate()));
    }
    entries.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparing(Entry::handled,
        Comparator.reverseOrder()).thenComparing(Entry::code));
    List<Entry> ranked = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      ranked.add(new Entry(i + 1, e.code(), e.name(), e.score(), e.handled(), e.replied(),
          e.onTimeAcknowledgementRate(),
          e.onTimeCompletionRate(), e.satisfactionRate(), e.returnRate(), e.redoRate()));
    }
    int black = Math.min(LIST_SIZE, ranked.size() / 2);
    List<Entry> worst = new ArrayList<>(ranked.subList(ranked.size() - black, ranked.size()));
    worst.sort(Comparator.comparingInt(Entry::rank).reversed());
    List<Entry> best = ranked.subList(0, ranked.size() - black).stream().filter(e -> e.replied() > 0)
        .limit(LIST_SIZE).toList();
    return new Table(ranked, best, worst, minimum);
  }

  private static double or(Double value, Double fallback) {
    return value != null ? value : fallback != null ? fallback : 0.0;
  }
}
