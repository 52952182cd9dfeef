package org.wenzheng.routing;

import org.springframework.modulith.NamedInterface;
import org.wenzheng.appeal.Labelled;

/** Where a suggested unit comes from, as the review form names it. */
@NamedInterface("routing")
public enum Source implements Labelled {
  /** A rule of the supervision office (processes/routing-rules.dmn): it comes first, whatever was learned. */
  RULE("规则"),
  /**
   * The unit the citizen asks for by one of its aliases in a request ("请派出所来处理"): after a rule, before what
   * was learned.
   */
  NAMED("来信点名"),
  /** Most alike past dispatches of the dispatch centre. */
  LEARNED("以往派单"),
  /** Most alike lines of the units' published responsibilities (职责清单). */
  RESPONSIBILITIES("职责清单");

  private final String label;

  Source(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
