package org.wenzheng.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies larger than anyone needs answer 413 at once, in the caller's language: problem+json on our API and
 * Open311, a Chinese page on the citizens' pages. (Tomcat would otherwise ignore a large form's fields, or drop the
 * connection.) Camunda's REST API has its own limit ({@code EngineDoorFilter}); deployments are not limited here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  BodyLimitFilter(ObjectMapper json) {
    this.json = json;
  }

  /** An appeal's longest content (2,000 characters) URL-encoded is about 18 KB; the rest of a form is little. */
  static final long PUBLIC_LIMIT = 256 * 1024;
  static final long API_LIMIT = 1024 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
        || path.startsWith("/engine-rest") || path.startsWith("/camunda");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    boolean api = path.startsWith("/api/") || path.startsWith("/open311/");
    long limit = api ? API_LIMIT : PUBLIC_LIMIT;
    if (request.getContentLengthLong() > limit) {
      if (api) {
        ProblemResponses.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE,
            "请求体超过 " + limit / 1024 + " KB (request body too large)", path);
      } else {
        ProblemResponses.page(response, HttpStatus.PAYLOAD_TOO_LARGE, "提交的内容过长",
            "请精简诉求内容（不超过 2000 字）后重新提交。如需帮助，请拨打 12345 市民服务热线。");
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
