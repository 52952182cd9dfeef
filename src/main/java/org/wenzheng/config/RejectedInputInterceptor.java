package org.wenzheng.config;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenzheng.appeal.TaskInputRejectedException;

/**
 * The engine wraps every exception thrown by a task listener in a plain ProcessEngineException, which its REST API
 * answers with 500. This interceptor, inside the command, lets our own rejection of bad task input through
 * unwrapped, so that Camunda's REST API and Tasklist answer 400 with the message that names the field.
 */
class RejectedInputInterceptor extends CommandInterceptor {

  private static final Logger log = LoggerFactory.getLogger(RejectedInputInterceptor.class);

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      TaskInputRejectedException rejected = find(e);
      if (rejected != null && rejected != e) {
        log.info("Task input refused: {}", rejected.getMessage());
        throw rejected;
      }
      throw e;
    }
  }

  private static TaskInputRejectedException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TaskInputRejectedException r) {
        return r;
      }
    }
    return null;
  }
}
