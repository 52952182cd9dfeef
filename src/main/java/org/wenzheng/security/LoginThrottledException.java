package org.wenzheng.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this address or for this account: try again after {@link #retryAfterSeconds()}. */
class LoginThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  LoginThrottledException(long retryAfterSeconds) {
    super("Too many failed logins");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
