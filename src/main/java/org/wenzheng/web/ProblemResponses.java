package org.wenzheng.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.modulith.NamedInterface;

/**
 * Answers written straight to the response, for filters (and Tomcat's error reports) that answer before any
 * controller: an RFC 9457 problem for programs, a short Chinese page for people.
 */
@NamedInterface("problems")
public final class ProblemResponses {

  private ProblemResponses() {
  }

  public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
      String instance) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(instance));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Whether a path belongs to a program's door (our API, Camunda's REST API, Open311), which answers problem+json. */
  public static boolean forPrograms(String path) {
    return path.startsWith("/api") || path.startsWith("/engine-rest") || path.startsWith("/open311")
        || path.startsWith("/camunda/api");
  }

  /** A page for people: the status, a heading and one paragraph, in Chinese. */
  public static void page(HttpServletResponse response, HttpStatus status, String heading, String text)
      throws IOException {
    response.setStatus(status.value());
    response.setCharacterEncoding("UTF-8");
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + heading + "</title></head><body><h1>" + heading + "</h1><p>" + text + "</p></body></html>")
        .getBytes(StandardCharsets.UTF_8));
  }
}
