package org.wenzheng.citizen;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.wenzheng.calendar.EngineClock;

/**
 * Signed links to a citizen's own appeal, for answering a question or rating a reply without logging in. A link
 * names the appeal and what it is for, carries its expiry, and is signed with HMAC-SHA256 under
 * {@code wenzheng.citizen.link-secret}: it cannot be forged or turned into a link to another appeal. What the page
 * then lets the citizen do still depends on where the appeal stands.
 */
@Component
@NamedInterface("conversation")
public class CitizenLinks {

  public enum Purpose { ANSWER, RATE }

  /** What a valid link grants. */
  public record Grant(long appealId, Purpose purpose) {
  }

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final CitizenProperties properties;
  private final SecretKeySpec key;

  CitizenLinks(CitizenProperties properties) {
    this.properties = properties;
    this.key = new SecretKeySpec(properties.linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The full address to put in a message. */
  public String url(long appealId, Purpose purpose) {
    return properties.publicBaseUrl() + "/c/" + token(appealId, purpose);
  }

  public String token(long appealId, Purpose purpose) {
    long expires = EngineClock.now().plus(Duration.ofDays(properties.linkValidityDays())).getEpochSecond();
    String payload = appealId + "." + purpose.name() + "." + expires;
    return ENCODE.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + sign(payload);
  }

  public Optional<Grant> verify(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String payload;
    try {
      payload = new String(DECODE.decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    String[] parts = payload.split("\\.");
    try {
      if (parts.length != 3 || Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(EngineClock.now())) {
        return Optional.empty();
      }
      return Optional.of(new Grant(Long.parseLong(parts[0]), Purpose.valueOf(parts[1])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return ENCODE.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
