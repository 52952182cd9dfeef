package org.wenzheng.open311;

/** An Open311 error: the HTTP status is also the error's code, with a description for the client's developer. */
class Open311Error extends RuntimeException {

  final int status;

  Open311Error(int status, String description) {
    super(description);
    this.status = status;
  }
}
