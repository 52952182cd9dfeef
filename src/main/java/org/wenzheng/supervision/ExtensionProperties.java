package org.wenzheng.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code wenzheng.deadlines.max-extensions} and {@code max-extension-days}. */
@ConfigurationProperties("wenzheng.deadlines")
record ExtensionProperties(int maxExtensions, int maxExtensionDays) {
}
