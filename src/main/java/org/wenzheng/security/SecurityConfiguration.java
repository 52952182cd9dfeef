package org.wenzheng.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.wenzheng.web.ProblemResponses;

/**
 * Who may call what. Four chains:
 * <ol>
 *   <li>{@code /api/**}, {@code /engine-rest/**}, {@code /demo/**}, {@code /actuator/**} and the staff pages
 *   ({@code /audit}, {@code /reports}): HTTP Basic against Camunda's identity service, no session; the engine then
 *   applies its own authorizations to the same user. Auditors can read and change nothing ({@link ReadOnlyAuditorFilter}).</li>
 *   <li>{@code /camunda/**}: Camunda's webapps (Tasklist, Cockpit, Admin) keep their own login, session and CSRF
 *   protection; Spring Security stays out of their way.</li>
 *   <li>{@code /open311/**}: the public Open311 GeoReport v2 API, stateless; creating a request needs an API key.</li>
 *   <li>The citizens' pages ({@code /}, {@code /track}, {@code /board}, {@code /c/...}); everything else is
 *   refused.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String REALM = "wenzheng";

  /**
   * Paths relative to the application, whatever servlet serves them: {@code /engine-rest} is Jersey's servlet, not
   * Spring MVC's, so MVC-aware matchers would not see it.
   */
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns).map(p -> (RequestMatcher) PATHS.matcher(p)).toList());
  }

  @Bean
  @Order(1)
  SecurityFilterChain staffApi(HttpSecurity http, IdentityService identityService, ProcessEngine engine,
      ObjectMapper json) throws Exception {
    http.securityMatcher(paths("/api/**", "/engine-rest/**", "/demo/**", "/actuator/**", "/audit", "/audit/**",
            "/reports", "/reports/**", "/process-changes", "/units"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
            .requestMatchers(paths("/actuator/**")).hasAuthority(Groups.authority(Groups.ADMIN))
            .requestMatchers(PATHS.matcher(HttpMethod.PUT, "/api/calendar/years/*"))
                .hasAuthority(Groups.authority(Groups.ADMIN))
            .requestMatchers(paths("/api/open311/**")).hasAuthority(Groups.authority(Groups.ADMIN))
            // Moving running instances between versions: process owners (and administrators) only.
            .requestMatchers(paths("/api/process-migrations", "/api/process-migrations/**"))
                .hasAnyAuthority(Groups.authority(Groups.PROCESS_OWNERS), Groups.authority(Groups.ADMIN))
            .requestMatchers(paths("/api/policy/**")).hasAnyAuthority(Groups.authority(Groups.PROCESS_OWNERS),
                Groups.authority(Groups.SUPERVISION), Groups.authority(Groups.ADMIN))
            // Units' responsibilities (职责清单) and aliases are published by administrators; all staff read them.
            .requestMatchers(PATHS.matcher(HttpMethod.PUT, "/api/units/**"))
                .hasAuthority(Groups.authority(Groups.ADMIN))
            // Routing suggestions: for channel adapters and those who route or oversee routing, not for units.
            .requestMatchers(paths("/api/routing/**")).hasAnyAuthority(Groups.authority(Groups.INTAKE),
                Groups.authority(Groups.DISPATCH), Groups.authority(Groups.SUPERVISION),
                Groups.authority(Groups.PROCESS_OWNERS), Groups.authority(Groups.ADMIN))
            // The demo's inbox holds every unit's mail and citizens' signed links: administrators only.
            .requestMatchers(paths("/demo/**")).hasAuthority(Groups.authority(Groups.ADMIN))
            .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/appeals"),
                PATHS.matcher(HttpMethod.POST, "/api/appeals/by-number/*/answer"),
                PATHS.matcher(HttpMethod.POST, "/api/appeals/by-number/*/rating"))
                .hasAnyAuthority(Groups.authority(Groups.INTAKE), Groups.authority(Groups.DISPATCH))
            // Channel adapters submit appeals and relay the citizen's answers and ratings, and nothing else.
            .requestMatchers(paths("/api/**", "/engine-rest/**", "/demo/**", "/audit", "/audit/**", "/reports",
                "/reports/**", "/process-changes", "/units")).access(staffBeyondIntake())
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.realmName(REALM)
            .authenticationEntryPoint((request, response, ex) -> {
              if (ex instanceof LoginThrottledException throttled) {
                writeThrottled(response, json, throttled.retryAfterSeconds(), request.getRequestURI());
                return;
              }
              response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
              ProblemResponses.write(response, json, HttpStatus.UNAUTHORIZED, "需要登录 (authentication required)",
                  request.getRequestURI());
            }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, denied) ->
            ProblemResponses.write(response, json, HttpStatus.FORBIDDEN, "无权执行此操作 (access denied)",
                request.getRequestURI())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Basic credentials on every request and no cookies: there is no session for CSRF to abuse.
        .csrf(csrf -> csrf.disable())
        // Staff pages (audit, reports) load their scripts and styles from here only.
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .addFilterAfter(new ReadOnlyAuditorFilter(json), EngineAuthenticationFilter.class)
        .addFilterAfter(engineDoor(engine, json), ReadOnlyAuditorFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain camundaWebapps(HttpSecurity http, IdentityService identityService, ProcessEngine engine,
      LoginThrottle throttle, ObjectMapper json) throws Exception {
    // Tasklist, Cockpit and Admin authenticate their users themselves, guard against CSRF with their own token and
    // write their own security headers (configured under camunda.bpm.webapp). What a logged-in user may ask of their
    // REST API is decided as for /engine-rest (WebappDoorFilter).
    EngineDoorFilter engineDoor = new EngineDoorFilter(engine, json, WebappDoorFilter::caller);
    http.securityMatcher(paths("/camunda/**"))
        .addFilterBefore(new WebappDoorFilter(identityService, throttle, json, engineDoor), AuthorizationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        // Camunda writes the other security headers; it has no setting for the referrer policy.
        .headers(headers -> headers.defaultsDisabled()
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .requestCache(cache -> cache.disable())
        .securityContext(ctx -> ctx.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /**
   * Open311 GeoReport v2: a public API for 311 apps. Reading is open (answers carry no personal data); creating a
   * request needs an API key, checked by the endpoint itself. No session, no cookies, so no CSRF.
   */
  @Bean
  @Order(3)
  SecurityFilterChain open311(HttpSecurity http) throws Exception {
    http.securityMatcher(paths("/open311/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /**
   * The citizens' pages: no login, CSRF tokens on every form, a strict content security policy (no scripts at all,
   * nothing from elsewhere), and no referrer, so the signed links in {@code /c/...} never leak to other sites.
   */
  @Bean
  @Order(4)
  SecurityFilterChain publicSide(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/", "/submitted", "/track", "/board", "/c/*", "/error", "/favicon.ico",
                "/css/**", "/js/**", "/webjars/**")).permitAll()
            .requestMatchers(PATHS.matcher(HttpMethod.POST, "/appeals")).permitAll()
            .anyRequest().denyAll())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'none'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  /** Any authenticated member of staff except a channel adapter whose only group is {@code intake}. */
  private static AuthorizationManager<RequestAuthorizationContext> staffBeyondIntake() {
    return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
      Authentication auth = authentication.get();
      if (auth == null || !(auth.getPrincipal() instanceof StaffUser user)) {
        return new AuthorizationDecision(false);
      }
      boolean onlyIntake = user.groups().isEmpty() || Groups.onlyIn(user.groups(), Groups.INTAKE);
      return new AuthorizationDecision(!onlyIntake);
    };
  }

  private static EngineDoorFilter engineDoor(ProcessEngine engine, ObjectMapper json) {
    return new EngineDoorFilter(engine, json, request -> StaffUser.current()
        .map(u -> new EngineDoorFilter.Caller(u.id(), u.groups())));
  }

  /** 429 with Retry-After: too many failed logins from this address or for this account. */
  static void writeThrottled(HttpServletResponse response, ObjectMapper json, long retryAfterSeconds,
      String instance) throws IOException {
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    ProblemResponses.write(response, json, HttpStatus.TOO_MANY_REQUESTS,
        "登录失败次数过多，请 " + retryAfterSeconds + " 秒后再试 (too many failed logins)", instance);
  }
}
