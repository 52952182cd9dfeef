package org.wenzheng.citizen;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors on the citizens' pages, as pages in Chinese. */
@ControllerAdvice(assignableTypes = {SubmitController.class, TrackController.class, CitizenActionController.class})
class PublicPageErrors {

  @ExceptionHandler(Throttled.class)
  String throttled(Throttled e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
    model.addAttribute("minutes", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
    return "public/throttled";
  }
}
