package org.wenzheng.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 红黑榜 from the documented score: who may be praised and who is named worst. */
class LeagueTest {

  @Test
  void aUnitThatAnsweredNobodyIsNeverOnTheRedListAndTheWorstIsOnTheBlackList() {
    // Ten appeals each. A acknowledged, answered and concluded all on time.
    Figures a = unit("a", 10, 10, 10, 5, 5, 0, 0, 10);
    // B acknowledged none on time and answered none: no ratings and no redos yet, so those count at the city's rate.
    Figures b = unit("b", 10, 0, 0, 0, 0, 0, 0, 0);
    // C answered five, all rated unsatisfied and all redone, and returned half of its appeals.
    Figures c = unit("c", 10, 0, 5, 5, 0, 5, 5, 0);
    Figures city = unit("city", 30, 10, 15, 10, 5, 5, 5, 10);

    League.Table league = League.of(city, List.of(c, b, a), 1);

    assertThat(league.ranked()).extracting(League.Entry::code).containsExactly("a", "b", "c");
    assertThat(league.red()).extracting(League.Entry::code).containsExactly("a");
    assertThat(league.black()).extracting(League.Entry::code).containsExactly("c");
  }

  @Test
  void withTenUnitsOrMoreBothListsHaveFive() {
    List<Figures> units = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      units.add(unit("u" + i, 10, i, 10, 0, 0, 0, 0, i));
    }
    League.Table league = League.of(unit("city", 120, 66, 120, 0, 0, 0, 0, 66), units, 1);
    assertThat(league.red()).extracting(League.Entry::code).containsExactly("u11", "u10", "u9", "u8", "u7");
    assertThat(league.black()).extracting(League.Entry::code).containsExactly("u0", "u1", "u2", "u3", "u4");
  }

  private static Figures unit(String code, long held, long acknowledgedOnTime, long replied, long rated,
      long satisfied, long returned, long redone, long concludedOnTime) {
    return new Figures(code, code, held, 0, 0, held, held, acknowledgedOnTime, replied, replied, rated, satisfied, 0,
        0, 0, returned, returned, 0, redone, concludedOnTime, concludedOnTime, 0, 0, 0);
  }
}
