package org.wenzheng.web;

import org.springframework.modulith.NamedInterface;

/** Answered as 409 problem+json: the request is well formed but the resource is not in a state that allows it. */
@NamedInterface("problems")
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
