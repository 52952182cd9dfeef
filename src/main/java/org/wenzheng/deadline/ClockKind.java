package org.wenzheng.deadline;

import org.springframework.modulith.NamedInterface;

/** The two clocks of a dispatch. */
@NamedInterface("clocks")
public enum ClockKind {
  /** The unit acknowledges (签收) the appeal: the "response". */
  RESPONSE("签收"),
  /** The unit answers the appeal (办结). */
  RESOLUTION("办结");

  private final String label;

  ClockKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
