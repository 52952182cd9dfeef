package org.wenzheng.citizen;

import static org.wenzheng.web.TextInput.blankToNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealType;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.deadline.ResponseForecast;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Mailbox;
import org.wenzheng.directory.Unit;
import org.wenzheng.directory.UnitKind;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.web.InvalidFieldException;

/**
 * {@code /}: a citizen submits an appeal from any browser, a phone first. The page goes through the same intake as
 * every channel; field errors are shown beside the fields; success shows the tracking number and when a unit will
 * answer at the latest.
 */
@Controller
class SubmitController {

  /** What the submitted page shows. */
  record Receipt(String trackingNumber, String title, String responseDue, String channel) {
  }

  private final IntakeService intake;
  private final Directory directory;
  private final ResponseForecast forecast;
  private final PublicLimits limits;

  SubmitController(IntakeService intake, Directory directory, ResponseForecast forecast, PublicLimits limits) {
    this.intake = intake;
    this.directory = directory;
    this.forecast = forecast;
    this.limits = limits;
  }

  @ModelAttribute("types")
  List<AppealType> types() {
    return List.of(AppealType.values());
  }

  @ModelAttribute("districts")
  List<Unit> districts() {
    return directory.dispatchableUnits().stream().filter(u -> u.kind() == UnitKind.DISTRICT).toList();
  }

  @ModelAttribute("mailboxes")
  List<Mailbox> mailboxes() {
    return directory.mailboxes().stream().filter(Mailbox::active).toList();
  }

  @GetMapping("/")
  String form(Model model) {
    SubmitForm form = new SubmitForm();
    form.setSubmissionId(UUID.randomUUID().toString());
    model.addAttribute("form", form);
    return "public/submit";
  }

  @PostMapping("/appeals")
  String submit(@Valid @ModelAttribute("form") SubmitForm form, BindingResult errors, HttpServletRequest request,
      HttpServletResponse response, RedirectAttributes redirect) {
    limits.take(PublicLimits.Kind.SUBMIT, request.getRemoteAddr()).ifPresent(wait -> {
      throw new Throttled(wait);
    });
    if (form.getDistrict() != null && !form.getDistrict().isBlank()
        && districts().stream().noneMatch(d -> d.name().equals(form.getDistrict()))) {
      errors.rejectValue("district", "unknown", "请从列表中选择");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "public/submit";
    }
    Appeal appeal;
    try {
      appeal = intake.submit(toSubmission(form)).appeal();
    } catch (InvalidFieldException e) {
      // The submission's fields (citizen.name, location.street, channelMessageId) are the form's name, street, ...
      String field = e.getField().substring(e.getField().lastIndexOf('.') + 1);
      errors.rejectValue(field.equals("channelMessageId") ? "submissionId" : field, "invalid", e.getMessage());
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "public/submit";
    }
    Instant due = forecast.responseDueIfDispatchedAt(appeal.receivedAt().toInstant(), false);
    redirect.addFlashAttribute("receipt", new Receipt(appeal.trackingNumber(), appeal.title(), EngineClock.SPOKEN.format(due),
        appeal.channel().label()));
    return "redirect:/submitted";
  }

  @GetMapping("/submitted")
  String submitted(Model model) {
    return model.containsAttribute("receipt") ? "public/submitted" : "redirect:/track";
  }

  private static AppealSubmission toSubmission(SubmitForm f) {
    String mailbox = blankToNull(f.getMailbox());
    return new AppealSubmission(mailbox == null ? "WEB" : "MAILBOX", "web-" + f.getSubmissionId(), f.getTitle(),
        f.getContent(), f.getAppealType(), mailbox,
        new AppealSubmission.Citizen(blankToNull(f.getName()), f.getPhone(), blankToNull(f.getEmail())),
        new AppealSubmission.Location(blankToNull(f.getDistrict()), blankToNull(f.getStreet()),
            blankToNull(f.getAddress())), false, f.isPublishable());
  }
}
