package org.wenzheng.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.wenzheng.appeal.TaskInputRejectedException;

/**
 * The engine logs every failed command at ERROR with a stack trace, including a task completion we refused for bad
 * input. That is a user's mistake, already answered with 400 and logged at INFO by {@link RejectedInputInterceptor};
 * this filter keeps it out of the error log, where it would hide real failures.
 */
public class RejectedInputLogFilter extends TurboFilter {

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    if (level != Level.ERROR || logger == null || !logger.getName().startsWith("org.camunda.bpm.engine")) {
      return FilterReply.NEUTRAL;
    }
    if (t instanceof TaskInputRejectedException) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object p : params) {
        if (p instanceof TaskInputRejectedException) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }
}
