package org.wenzheng.citizen;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wenzheng.citizen.*}: how long a citizen has to answer a handler's question (working time) and to rate a
 * reply online (natural time), the secret that signs the links in messages, and the public address they point to.
 */
@ConfigurationProperties("wenzheng.citizen")
public record CitizenProperties(String answerTime, String ratingWindow, String linkSecret, String publicBaseUrl,
    int linkValidityDays) {

  public CitizenProperties {
    if (linkSecret == null || linkSecret.length() < 32) {
      throw new IllegalArgumentException("wenzheng.citizen.link-secret (WENZHENG_LINK_SECRET) must be set to at "
          + "least 32 characters: it signs the answer and rating links sent to citizens");
    }
    if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
      throw new IllegalArgumentException("wenzheng.citizen.public-base-url must be set: links in messages use it");
    }
    publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }
}
