package org.wenzheng.citizen;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.Labelled;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.web.ConflictException;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.web.NotFoundException;

/**
 * The citizen's answers and ratings as they reach a channel (an SMS reply, a WeChat message, a call to the hotline):
 * {@code POST /api/appeals/by-number/{trackingNumber}/answer} and {@code .../rating}, for channel adapters and
 * hotline operators. The citizen's phone must match the appeal's, so that a mix-up in a channel never puts one
 * citizen's words on another's appeal; a wrong pair is answered like an unknown number.
 */
@RestController
@RequestMapping("/api/appeals/by-number/{trackingNumber}")
class ChannelRepliesController {

  private final AppealRepository appeals;
  private final CitizenConversation conversation;
  private final CitizenRatings ratings;

  ChannelRepliesController(AppealRepository appeals, CitizenConversation conversation, CitizenRatings ratings) {
    this.appeals = appeals;
    this.conversation = conversation;
    this.ratings = ratings;
  }

  static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";
  static final String PHONE_MESSAGE = "诉求人的电话号码（登记诉求时留的号码）";

  record AnswerBody(
      @NotBlank(message = "必填：" + PHONE_MESSAGE) @Pattern(regexp = PHONE, message = "格式不正确") String phone,
      @NotBlank(message = "必填：诉求人的答复") @Size(max = 2000, message = "不能超过 2000 字") String answer) {
  }

  record RatingBody(
      @NotBlank(message = "必填：" + PHONE_MESSAGE) @Pattern(regexp = PHONE, message = "格式不正确") String phone,
      @NotBlank(message = "必填：SATISFIED | BASICALLY_SATISFIED | UNSATISFIED") String satisfaction,
      @Size(max = 500, message = "不能超过 500 字") String comment) {
  }

  record Accepted(String trackingNumber, String status, String statusLabel) {
  }

  @PostMapping(path = "/answer", consumes = "application/json", produces = "application/json")
  Accepted answer(@PathVariable String trackingNumber, @Valid @RequestBody AnswerBody body) {
    Appeal appeal = appealOf(trackingNumber, body.phone());
    try {
      conversation.answer(appeal, body.answer().strip(), CitizenConversation.Via.CHANNEL);
    } catch (CitizenConversation.NothingToDo e) {
      throw new ConflictException(e.getMessage());
    }
    return accepted(appeal);
  }

  @PostMapping(path = "/rating", consumes = "application/json", produces = "application/json")
  Accepted rate(@PathVariable String trackingNumber, @Valid @RequestBody RatingBody body) {
    Satisfaction satisfaction = Labelled.parse(Satisfaction.class, body.satisfaction())
        .filter(s -> s != Satisfaction.UNREACHABLE)
        .orElseThrow(() -> new InvalidFieldException("satisfaction",
            "未知评价，可选值 SATISFIED | BASICALLY_SATISFIED | UNSATISFIED"));
    String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
    if (satisfaction == Satisfaction.UNSATISFIED && comment == null) {
      throw new InvalidFieldException("comment", "不满意时请写明原因，以便重新办理");
    }
    Appeal appeal = appealOf(trackingNumber, body.phone());
    try {
      ratings.rate(appeal, satisfaction, comment, CitizenConversation.Via.CHANNEL);
    } catch (CitizenConversation.NothingToDo e) {
      throw new ConflictException(e.getMessage());
    }
    return accepted(appeal);
  }

  private Appeal appealOf(String trackingNumber, String phone) {
    return appeals.findByTrackingNumber(trackingNumber)
        .filter(a -> a.citizenPhone() != null && digits(a.citizenPhone()).equals(digits(phone)))
        .orElseThrow(() -> new NotFoundException("没有与该电话号码对应的诉求 " + trackingNumber));
  }

  private Accepted accepted(Appeal appeal) {
    Appeal now = appeals.get(appeal.id());
    return new Accepted(now.trackingNumber(), now.status().name(), now.status().label());
  }

  private static String digits(String phone) {
    return phone.replaceAll("\\D", "");
  }
}
