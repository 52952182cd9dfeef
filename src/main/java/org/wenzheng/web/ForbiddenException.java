package org.wenzheng.web;

/** The user is known but may not see or do this: answered as 403 problem+json. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
