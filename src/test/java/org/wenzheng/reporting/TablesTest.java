package org.wenzheng.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a citizen typed never runs as a spreadsheet formula in an export. */
class TablesTest {

  @Test
  void shouldKeepFormulasFromRunningInCsvExports() {
    assertThat(Tables.inert("=HYPERLINK(\"http://evil\",\"点我\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"点我\")");
    assertThat(Tables.inert("+86 138")).isEqualTo("'+86 138");
    assertThat(Tables.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Tables.inert("-1+1")).isEqualTo("'-1+1");
    assertThat(Tables.inert("路灯不亮")).isEqualTo("路灯不亮");
    assertThat(Tables.inert(-3L)).isEqualTo(-3L); // numbers are numbers
    assertThat(Tables.inert(null)).isNull();
  }
}
