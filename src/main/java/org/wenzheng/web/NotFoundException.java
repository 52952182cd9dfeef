package org.wenzheng.web;

import org.springframework.modulith.NamedInterface;

/** Answered as 404 problem+json. */
@NamedInterface("problems")
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
