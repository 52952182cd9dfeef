package org.wenzheng.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 重复诉求: at review the dispatcher sees appeals of the last seven days from the same phone, or about the same place
 * in similar words, and can merge the new one into an accepted one; merged appeals share its reply.
 */
@WenzhengProcessTest
class DuplicatesProcessTest {

  static final List<String> DISPATCH = List.of("dispatch");

  @Autowired Scenario scenario;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired IntakeService intake;

  /** A street of this test's own: other tests' appeals (same database) must not look like duplicates. */
  private String street;

  @BeforeEach
  void aStreetOfItsOwn() {
    street = "双桥子街道" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Appeal submit(String phone, String street, String content) {
    AppealSubmission s = new AppealSubmission("WEB", "dup-" + UUID.randomUUID(), null, content, null, null,
        new AppealSubmission.Citizen("王五", phone, "citizen-" + UUID.randomUUID() + "@example.com"),
        new AppealSubmission.Location("成华区", street, null), false, null);
    return scenario.as("intake", List.of("intake"), () -> intake.submit(s).appeal());
  }

  private static String phone() {
    return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
  }

  private String candidatesOnTheForm(Appeal appeal) {
    Task review = scenario.task(appeal, AppealProcess.TASK_REVIEW);
    return (String) engine.getFormService().getTaskFormVariables(review.getId())
        .get(AppealProcess.VAR_DUPLICATE_CANDIDATES);
  }

  @Test
  void shouldShowAppealsFromTheSamePhoneOrTheSamePlaceInSimilarWords() {
    String phone = phone();
    Appeal first = submit(phone, street, "双桥路路灯坏了两周，晚上很黑，请尽快修复。");
    scenario.review(first, "cgw");
    Appeal neighbour = submit(phone(), street, "双桥路的路灯一直不亮，晚上走路很危险，希望修复。");
    scenario.review(neighbour, "cgw");
    Appeal unrelated = submit(phone(), street, "小区楼下烧烤店油烟太大，噪音扰民到凌晨。");
    scenario.review(unrelated, "scjgj");

    Scenario.clock("2026-03-06T09:00");
    Appeal again = submit(phone, street, "双桥路路灯还是没修好，天黑以后完全看不见路。");

    String candidates = candidatesOnTheForm(again);
    assertThat(candidates).contains(first.trackingNumber(), "同一手机号", neighbour.trackingNumber())
        .doesNotContain(unrelated.trackingNumber());
    assertThat(candidates.indexOf(first.trackingNumber())).isGreaterThanOrEqualTo(0);

    // A week later the first ones are no longer offered.
    Scenario.clock("2026-03-12T09:00");
    Appeal muchLater = submit(phone(), street, "双桥路路灯坏了，晚上很黑，请修复。");
    assertThat(candidatesOnTheForm(muchLater)).isNull();
  }

  @Test
  void shouldMergeADuplicateAndShareThePrimarysReply() {
    Appeal primary = submit(phone(), street, "双桥路路灯坏了两周，晚上很黑，请尽快修复。");
    scenario.review(primary, "cgw");
    Appeal duplicate = submit(phone(), street, "双桥路的路灯一直不亮，晚上走路很危险，希望修复。");

    assertThatThrownBy(() -> merge(duplicate, duplicate.trackingNumber()))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("自身");
    assertThatThrownBy(() -> merge(duplicate, "WZ0000000000000"))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining(AppealProcess.VAR_MERGE_INTO);
    merge(duplicate, primary.trackingNumber());

    assertThat(scenario.instance(duplicate)).isNull();
    Appeal merged = scenario.reload(duplicate);
    assertThat(merged.status()).isEqualTo(AppealStatus.MERGED);
    assertThat(merged.mergedInto()).isEqualTo(primary.id());
    assertThat(TestMail.about(duplicate.citizenEmail(), duplicate.trackingNumber(), "合并办理"))
        .contains(primary.trackingNumber());
    assertThat(scenario.events(primary)).contains("DUPLICATE_MERGED");

    scenario.acknowledge(primary, "cgw");
    scenario.reply(primary, "cgw", "RESOLVED", "双桥路路灯线路已修复，恢复照明。");

    Appeal shared = scenario.reload(duplicate);
    assertThat(shared.replyText()).isEqualTo("双桥路路灯线路已修复，恢复照明。");
    assertThat(shared.repliedAt()).isNotNull();
    assertThat(shared.status()).isEqualTo(AppealStatus.MERGED);
    assertThat(TestMail.about(duplicate.citizenEmail(), duplicate.trackingNumber(), "已有答复"))
        .contains("双桥路路灯线路已修复", "合并办理", primary.trackingNumber());
    assertThat(TestMail.about(primary.citizenEmail(), primary.trackingNumber(), "已有答复"))
        .doesNotContain(duplicate.trackingNumber());
  }

  @Test
  void shouldRefuseToMergeIntoAnAppealThatIsNotBeingWorkedOn() {
    String phone = phone();
    Appeal pending = submit(phone, street, "双桥路路灯坏了。");
    Appeal duplicate = submit(phone, street, "双桥路路灯坏了，请修。");
    assertThatThrownBy(() -> merge(duplicate, pending.trackingNumber()))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("只能合并到已受理、尚未办结的诉求");
    assertThat(scenario.instance(duplicate)).isWaitingAt(AppealProcess.TASK_REVIEW);
  }

  private void merge(Appeal appeal, String into) {
    scenario.complete("dispatcher", DISPATCH, appeal, AppealProcess.TASK_REVIEW, Map.of(
        AppealProcess.VAR_REVIEW_DECISION, "MERGE", AppealProcess.VAR_MERGE_INTO, into));
  }
}
