package org.wenzheng.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code wenzheng.deadlines.*}. */
@ConfigurationProperties("wenzheng.deadlines")
record DeadlineProperties(double reminderShare) {

  DeadlineProperties {
    if (reminderShare <= 0 || reminderShare >= 1) {
      throw new IllegalArgumentException("wenzheng.deadlines.reminder-share must lie between 0 and 1");
    }
  }
}
