package org.wenzheng.web;

import org.springframework.modulith.NamedInterface;

/** The user is known but may not see or do this: answered as 403 problem+json. */
@NamedInterface("problems")
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
