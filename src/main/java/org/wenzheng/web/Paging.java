package org.wenzheng.web;

import org.springframework.modulith.NamedInterface;

/** A page of a list asked for by {@code limit} (1–200) and {@code offset} (≥ 0); anything else is a 400 naming it. */
@NamedInterface("problems")
public record Paging(int limit, int offset) {

  public static final int MAX_LIMIT = 200;

  public Paging {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidFieldException("limit", "应在 1 到 " + MAX_LIMIT + " 之间");
    }
    if (offset < 0) {
      throw new InvalidFieldException("offset", "不能为负数");
    }
  }
}
