package org.wenzheng.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, the one place where staff accounts live, so that
 * Tasklist, {@code /engine-rest} and {@code /api} share users and passwords; failed attempts are throttled by
 * {@link LoginThrottle} (429 with {@code Retry-After}), as at the webapps' login.
 *
 * <p>HTTP Basic sends the password with every request; checking it and loading the user's groups each time cost two
 * engine commands per request, about a millisecond, which a channel adapter posting hundreds of appeals a minute
 * pays again and again. A successful check is therefore remembered for {@code wenzheng.security.credential-cache}
 * (30 s by default), keyed by a keyed hash of the user and password (the password itself is never kept). A changed
 * password, a removed membership or a locked account takes effect within that time; a failed check is never
 * remembered, so every wrong password counts.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final Cache<String, Authentication> recent;
  private final SecretKeySpec key;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
      @Value("${wenzheng.security.credential-cache:PT30S}") Duration remember) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.recent = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    String password = String.valueOf(authentication.getCredentials());
    if (userId == null || userId.isBlank()) {
      throw new BadCredentialsException("Bad credentials");
    }
    String credentials = fingerprint(userId, password);
    Authentication known = recent.getIfPresent(credentials);
    if (known != null) {
      return known;
    }
    String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
    OptionalLong wait = throttle.waitBeforeTrying(userId, address);
    if (wait.isPresent()) {
      throw new LoginThrottledException(wait.getAsLong());
    }
    if (!identityService.checkPassword(userId, password)) {
      throttle.failed(userId, address);
      throw new BadCredentialsException("Bad credentials");
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).sorted().toList();
    String unit = Groups.unitOf(groups);
    StaffUser user = new StaffUser(userId, groups, unit);
    List<SimpleGrantedAuthority> authorities = groups.stream()
        .map(g -> new SimpleGrantedAuthority(Groups.authority(g))).toList();
    Authentication checked = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    recent.put(credentials, checked);
    return checked;
  }

  private String fingerprint(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
