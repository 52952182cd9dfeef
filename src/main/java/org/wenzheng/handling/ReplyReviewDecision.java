package org.wenzheng.handling;

import org.wenzheng.appeal.Labelled;

/** The dispatch centre's review of a unit's reply before it goes out (答复审核). */
enum ReplyReviewDecision implements Labelled {
  APPROVE("通过，发给诉求人"), SEND_BACK("退回承办单位重新答复");

  private final String label;

  ReplyReviewDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
