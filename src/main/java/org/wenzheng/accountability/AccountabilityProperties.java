package org.wenzheng.accountability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wenzheng.accountability.*}: how long a unit has to explain itself, in working time, and when it is reminded.
 */
@ConfigurationProperties("wenzheng.accountability")
record AccountabilityProperties(String explanationTime, double reminderShare, int maxPoints) {
}
