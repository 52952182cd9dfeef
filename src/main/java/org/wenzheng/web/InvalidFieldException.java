package org.wenzheng.web;

import org.springframework.modulith.NamedInterface;

/** Bad input in one named field of a request: answered as 400 problem+json naming the field. Nothing is changed. */
@NamedInterface("problems")
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
