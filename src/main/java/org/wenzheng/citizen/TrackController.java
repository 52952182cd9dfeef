package org.wenzheng.citizen;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wenzheng.appeal.Appeal;

/**
 * {@code /track}: the tracking number and the last four digits of the phone show the appeal's progress. A wrong pair
 * gets exactly the answer an unknown number gets, and attempts are limited per client and per tracking number, so
 * neither guessing digits nor guessing numbers reveals anything.
 */
@Controller
class TrackController {

  static final String NOT_FOUND = "没有找到与受理编号和手机号后四位相符的诉求，请核对后再试。";

  private final AppealProgress progress;
  private final PublicLimits limits;

  TrackController(AppealProgress progress, PublicLimits limits) {
    this.progress = progress;
    this.limits = limits;
  }

  @GetMapping("/track")
  String form() {
    return "public/track";
  }

  @PostMapping("/track")
  String track(@RequestParam(defaultValue = "") String trackingNumber,
      @RequestParam(defaultValue = "") String phoneLast4,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    String number = trackingNumber.strip().toUpperCase();
    String digits = phoneLast4.strip();
    model.addAttribute("trackingNumber", number);
    limits.take(PublicLimits.Kind.TRACK_CLIENT, request.getRemoteAddr()).ifPresent(wait -> {
      throw new Throttled(wait);
    });
    if (!number.matches("WZ\\d{13}") || !digits.matches("\\d{4}")) {
      model.addAttribute("message", "请填写完整的受理编号（WZ 加 13 位数字）和手机号后四位。");
      response.setStatus(400);
      return "public/track";
    }
    limits.take(PublicLimits.Kind.TRACK_NUMBER, number).ifPresent(wait -> {
      throw new Throttled(wait);
    });
    Optional<Appeal> appeal = progress.find(number, digits);
    if (appeal.isEmpty()) {
      model.addAttribute("message", NOT_FOUND);
      return "public/track";
    }
    model.addAttribute("view", progress.of(appeal.get()));
    return "public/track";
  }
}
