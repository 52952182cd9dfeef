package org.wenzheng.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

  private final Words words = new Words();

  @Test
  void shouldCutChineseIntoWordsAndLeaveOutSingleCharactersAndNumbers() {
    assertThat(words.of("成华区双桥路的路灯坏了两周，晚上很黑，200米内都看不见。"))
        .contains("路灯", "晚上").doesNotContain("的", "了", "200", "，");
    assertThat(words.of("希望有关部门尽快解决小区电梯问题")).containsExactly("小区", "电梯");
  }

  @Test
  void shouldFindTheSameComplaintInOtherWordsMoreAlikeThanAnotherComplaint() {
    String lamp = "双桥路路灯坏了两周，晚上很黑，请尽快修复路灯。";
    String sameLamp = "双桥路的路灯一直不亮，晚上出行很危险，希望修复。";
    String noise = "小区楼下烧烤店油烟太大，噪音扰民到凌晨。";
    assertThat(words.similarity(lamp, sameLamp)).isGreaterThan(0.2).isGreaterThan(words.similarity(lamp, noise));
    assertThat(Words.overlap(words.of("双桥路路灯还是没修好"), words.of(sameLamp))).isGreaterThanOrEqualTo(0.5);
    assertThat(words.similarity(lamp, noise)).isLessThan(0.1);
  }
}
