package org.wenzheng.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL is unreachable ({@link DatabaseReachability}), every request that needs it is answered at once
 * with 503 and {@code Retry-After}, in the caller's language: problem+json at {@code /api}, {@code /engine-rest},
 * the webapps' REST API and Open311, a Chinese page ("系统繁忙，请稍后再试") on the citizens' pages and the
 * webapps' pages. Without it a request waited for a connection and then answered 500 with a stack trace in the log.
 * A request already under way when the server goes is answered the same way if nothing has been written yet (the
 * channel adapters try again with the same message id, which finds the appeal if its transaction did commit).
 * Static files and health are served as usual: health says DOWN by itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

  /** Seconds a client should wait before trying again: about how often reachability is probed, a few times over. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Pattern STATIC = Pattern.compile(
      ".*\\.(js|css|map|png|jpg|jpeg|gif|svg|ico|woff2?|ttf|eot|json|html)$|^/actuator/.*|^/favicon\\.ico$");

  private final DatabaseReachability database;
  private final ObjectMapper json;

  DatabaseOutageFilter(DatabaseReachability database, ObjectMapper json) {
    this.database = database;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return STATIC.matcher(path).matches() && !ProblemResponses.forPrograms(path);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!database.reachable()) {
      unavailable(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      // A failure of the database's making, or any failure while the database does not answer (a commit cut short
      // surfaces as a failed rollback on a closed connection, which says nothing of why).
      if (response.isCommitted() || !(connectionFailure(e) || !database.probe())) {
        throw e;
      }
      database.failed();
      response.resetBuffer();
      unavailable(request, response);
    }
  }

  private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    if (ProblemResponses.forPrograms(path)) {
      ProblemResponses.write(response, json, HttpStatus.SERVICE_UNAVAILABLE,
          "系统繁忙，请稍后再试 (the database is unreachable; try again in a few seconds)", path);
    } else {
      ProblemResponses.page(response, HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，请稍后再试",
          "系统正在恢复，您填写的内容尚未提交。请稍等片刻后刷新页面重试；如有紧急情况，请拨打 12345 市民服务热线。");
    }
  }

  /**
   * Whether the failure is the database being out of reach (refused, reset, shut down), not a fault of the query. A
   * transaction whose rollback failed too carries the first failure aside from its cause.
   */
  static boolean connectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && connectionFailure(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }
}
