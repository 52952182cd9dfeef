package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

@NamedInterface("records")
public enum HandlingOutcome implements Labelled {
  /** The problem is solved. */
  RESOLVED("已解决"),
  /** It cannot be solved now; the reply explains why. */
  EXPLAINED("暂不能解决，已说明原因"),
  /** Not this unit's business: back to the dispatch centre (退单). */
  RETURNED("退回"),
  /** More time is needed: an extension request (延期) goes to the unit's leaders; handling goes on meanwhile. */
  EXTENSION("申请延期"),
  /** The citizen is asked for more information (沟通); the task comes back with the answer, or without it. */
  QUESTION("询问诉求人");

  private final String label;

  HandlingOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
