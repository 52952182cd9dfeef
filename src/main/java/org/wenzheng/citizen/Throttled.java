package org.wenzheng.citizen;

/** A public page was used too often; the citizen may try again after so many seconds. */
class Throttled extends RuntimeException {

  private final long retryAfterSeconds;

  Throttled(long retryAfterSeconds) {
    super("too many requests");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
