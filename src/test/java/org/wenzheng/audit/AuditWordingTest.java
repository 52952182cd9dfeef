package org.wenzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal's codes and UTC instants, as an auditor reads them. */
class AuditWordingTest {

  @Test
  void timesAreBeijingTime() {
    assertThat(AuditWording.time("2026-11-30T05:11:49.587Z")).isEqualTo("2026-11-30 13:11");
    assertThat(AuditWording.inShanghai("2026-11-30T05:11:49.587Z")).isEqualTo("2026-11-30T13:11:49.587+08:00");
    assertThat(AuditWording.inShanghai("路灯不亮")).isEqualTo("路灯不亮");
  }

  @Test
  void durationsAndPoliciesAreWords() {
    assertThat(AuditWording.policy("PT8H NATURAL")).isEqualTo("8小时（自然时间）");
    assertThat(AuditWording.policy("P1D WORKING")).isEqualTo("1天（工作时间）");
    assertThat(AuditWording.duration("P1DT4H")).isEqualTo("1天4小时");
    assertThat(AuditWording.duration("PT30M")).isEqualTo("30分钟");
  }

  @Test
  void aReviewReadsAsADecision() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("urgent", false);
    detail.put("decision", "ACCEPT");
    detail.put("appealType", "CONSULTATION");
    detail.put("complexity", "GENERAL");
    detail.put("departmentCode", "scjgj");
    detail.put("caseId", 17);
    assertThat(AuditWording.lines(detail, code -> code.equals("scjgj") ? "市市场监管局" : code))
        .containsExactly("承办单位：市市场监管局", "决定：受理", "类型：咨询办事", "复杂程度：一般");
  }
}
