package org.wenzheng.citizen;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.Labelled;
import org.wenzheng.appeal.Satisfaction;

/**
 * {@code /c/{token}}: the page a signed link opens (from a message, or from the track page) to answer a handler's
 * question or to rate the reply, without logging in. The link decides the appeal and what may be done; the appeal's
 * state decides whether it can be done now.
 */
@Controller
class CitizenActionController {

  private final CitizenLinks links;
  private final AppealRepository appeals;
  private final AppealProgress progress;
  private final CitizenConversation conversation;
  private final CitizenRatings ratings;
  private final PublicLimits limits;

  CitizenActionController(CitizenLinks links, AppealRepository appeals, AppealProgress progress,
      CitizenConversation conversation, CitizenRatings ratings, PublicLimits limits) {
    this.links = links;
    this.appeals = appeals;
    this.progress = progress;
    this.conversation = conversation;
    this.ratings = ratings;
    this.limits = limits;
  }

  @GetMapping("/c/{token}")
  String page(@PathVariable String token, @RequestParam(required = false) String done, Model model,
      HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    Optional<CitizenLinks.Grant> grant = links.verify(token);
    if (grant.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "public/link-invalid";
    }
    Appeal appeal = appeals.get(grant.get().appealId());
    model.addAttribute("purpose", grant.get().purpose().name());
    model.addAttribute("token", token);
    model.addAttribute("done", done != null);
    model.addAttribute("view", progress.of(appeal));
    return "public/action";
  }

  @PostMapping("/c/{token}")
  String act(@PathVariable String token, @RequestParam(required = false) String answer,
      @RequestParam(required = false) String satisfaction, @RequestParam(required = false) String comment,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    Optional<CitizenLinks.Grant> grant = links.verify(token);
    if (grant.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "public/link-invalid";
    }
    limits.take(PublicLimits.Kind.ACTION, request.getRemoteAddr()).ifPresent(wait -> {
      throw new Throttled(wait);
    });
    Appeal appeal = appeals.get(grant.get().appealId());
    String error = null;
    try {
      switch (grant.get().purpose()) {
        case ANSWER -> {
          String text = answer == null ? "" : answer.strip();
          if (text.isEmpty() || text.length() > 2000) {
            error = "请填写您的答复（2000 字以内）。";
          } else {
            conversation.answer(appeal, text, CitizenConversation.Via.LINK);
          }
        }
        case RATE -> {
          Optional<Satisfaction> rating = Labelled.parse(Satisfaction.class, satisfaction)
              .filter(s -> s != Satisfaction.UNREACHABLE);
          String note = comment == null || comment.isBlank() ? null : comment.strip();
          if (rating.isEmpty()) {
            error = "请选择您的评价。";
          } else if (note != null && note.length() > 500) {
            error = "意见请写 500 字以内。";
          } else if (rating.get() == Satisfaction.UNSATISFIED && note == null) {
            error = "请写明不满意的原因，以便重新办理。";
          } else {
            ratings.rate(appeal, rating.get(), note, CitizenConversation.Via.LINK);
          }
        }
        default -> throw new IllegalStateException();
      }
    } catch (CitizenConversation.NothingToDo e) {
      error = e.getMessage();
    }
    if (error != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", error);
      model.addAttribute("purpose", grant.get().purpose().name());
      model.addAttribute("token", token);
      model.addAttribute("done", false);
      model.addAttribute("answer", answer);
      model.addAttribute("comment", comment);
      model.addAttribute("view", progress.of(appeals.get(appeal.id())));
      return "public/action";
    }
    return "redirect:/c/" + token + "?done";
  }
}
