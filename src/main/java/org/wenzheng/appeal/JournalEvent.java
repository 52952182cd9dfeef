package org.wenzheng.appeal;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/**
 * What a step writes into an appeal's journal ({@code appeal_event.type}), with the Chinese name staff read in the
 * trace. Every step journals one of these; the type is stored by its name, so the names never change.
 */
@NamedInterface("steps")
public enum JournalEvent {
  RECEIVED("登记"),
  REVIEWED("审核"),
  DISPATCHED("转办"),
  DEADLINES_SET("设定时限"),
  ACKNOWLEDGED("签收"),
  HANDLED("办理"),
  RETURNED("退单"),
  RETURN_AGREED("同意退单"),
  RETURN_REJECTED("不同意退单"),
  DISPUTE_RULED("争议裁定"),
  CO_HANDLED("协办"),
  REPLIED("答复诉求人"),
  VISITED("回访"),
  REDO("重办"),
  CONCLUDED("办结"),
  ARCHIVED("归档"),
  REMINDED("催办"),
  OVERDUE("超期"),
  DEADLINE_MOVED("时限调整"),
  SUPERVISED("督办"),
  SUPERVISION_MET("督办已落实"),
  SUPERVISION_MISSED("督办未落实"),
  EXTENSION_REQUESTED("申请延期"),
  EXTENSION_LEADER_APPROVE("单位领导同意延期"),
  EXTENSION_LEADER_REJECT("单位领导不同意延期"),
  EXTENSION_SUPERVISION_APPROVE("督查室批准延期"),
  EXTENSION_SUPERVISION_REJECT("督查室不批准延期"),
  EXTENSION_APPROVED("延期已批准"),
  EXTENSION_REJECTED("延期未批准"),
  EXTENSION_WITHDRAWN("延期申请撤销"),
  ACCOUNTABILITY_OPENED("效能问责立案"),
  ACCOUNTABILITY_REMINDED("催交书面说明"),
  ACCOUNTABILITY_EXPLAINED("提交书面说明"),
  ACCOUNTABILITY_NO_EXPLANATION("逾期未说明"),
  ACCOUNTABILITY_RULED("问责裁定"),
  DEADLINE_REOPENED("时限重新计算"),
  DUPLICATE_MERGED("重复诉求并入本件"),
  MERGED("并入其他诉求合并办理"),
  QUESTION_ASKED("询问诉求人"),
  QUESTION_ANSWERED("诉求人答复"),
  QUESTION_ANSWERED_LATE("诉求人逾期答复"),
  QUESTION_UNANSWERED("诉求人未答复"),
  REPLY_APPROVED("答复审核通过"),
  REPLY_SENT_BACK("答复退回承办单位"),
  RATED("诉求人评价"),
  NOTIFICATION_QUEUED("通知待发"),
  NOTIFICATION_SENT("通知已发送"),
  NOTIFICATION_UNDELIVERABLE("通知无法送达");

  private static final Map<String, JournalEvent> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toMap(Enum::name, Function.identity()));

  private final String label;

  JournalEvent(String label) {
    this.label = label;
  }

  /** The Chinese name, e.g. 转办. */
  public String label() {
    return label;
  }

  /** The event of a stored type, or null for a type this version does not know. */
  public static JournalEvent of(String type) {
    return BY_NAME.get(type);
  }

  /** The Chinese name of a stored type; the type itself for one this version does not know. */
  public static String labelOf(String type) {
    JournalEvent e = BY_NAME.get(type);
    return e == null ? type : e.label;
  }

  /** A message to the citizen or a unit (queued, sent, undeliverable): the trace's footnotes, not a step. */
  public boolean isNotification() {
    return name().startsWith("NOTIFICATION_");
  }

  /** A decision of the unit's leaders on an extension request. */
  public static JournalEvent extensionByLeader(boolean approved) {
    return approved ? EXTENSION_LEADER_APPROVE : EXTENSION_LEADER_REJECT;
  }

  /** A decision of the supervision office on an extension request. */
  public static JournalEvent extensionBySupervision(boolean approved) {
    return approved ? EXTENSION_SUPERVISION_APPROVE : EXTENSION_SUPERVISION_REJECT;
  }
}
