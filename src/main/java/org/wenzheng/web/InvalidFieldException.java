package org.wenzheng.web;

/** Bad input in one named field of a request: answered as 400 problem+json naming the field. Nothing is changed. */
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
