package org.wenzheng.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.modulith.NamedInterface;

/**
 * The body of {@code POST /api/appeals}. Codes are taken as text and checked against their lists here, so that an
 * unknown channel is reported as a problem with the field {@code channel}, not as unreadable JSON.
 */
@NamedInterface("intake")
public record AppealSubmission(
    @NotBlank(message = "必填")
    @Pattern(regexp = "WEB|WEIBO|WECHAT|ALIPAY|SMS|APP|MAILBOX|HOTLINE",
        message = "未知渠道，可选值 WEB | WEIBO | WECHAT | ALIPAY | SMS | APP | MAILBOX | HOTLINE")
    String channel,

    @NotBlank(message = "必填：渠道内的消息编号，用于防止重复登记")
    @Size(max = 128, message = "不能超过 128 个字符")
    String channelMessageId,

    @Size(max = 100, message = "不能超过 100 字")
    String title,

    @NotBlank(message = "必填：诉求内容不能为空")
    @Size(max = AppealSubmission.MAX_CONTENT, message = "不能超过 " + AppealSubmission.MAX_CONTENT + " 字")
    String content,

    @Pattern(regexp = "CONSULTATION|COMPLAINT|SUGGESTION|INFORMATION",
        message = "未知类型，可选值 CONSULTATION | COMPLAINT | SUGGESTION | INFORMATION")
    String appealType,

    @Size(max = 32, message = "不能超过 32 个字符")
    String mailbox,

    @Valid Citizen citizen,

    @Valid Location location,

    /** Optional: the channel or the hotline operator flags an emergency (a person trapped, a burst main). */
    Boolean urgent,

    /**
     * Optional: whether the citizen agrees that the appeal and its reply are shown on the public board, with personal
     * data masked. Absent means yes, as on the web form, where the box is ticked unless the citizen unticks it.
     */
    Boolean publishable) {

  /** Letters to leader mailboxes can be long, but an appeal is not a document archive. */
  static final int MAX_CONTENT = 3000;

  public record Citizen(
      @Size(max = 50, message = "不能超过 50 字")
      String name,

      @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
          message = "手机号应为 11 位数字（如 13812345678），固定电话如 028-12345678")
      String phone,

      @Email(message = "邮箱格式不正确")
      @Size(max = 200, message = "不能超过 200 个字符")
      String email) {
  }

  /** Where: district, street, address, and the point where the citizen was (WGS-84), when the channel has it. */
  public record Location(
      @Size(max = 20, message = "不能超过 20 字") String district,
      @Size(max = 50, message = "不能超过 50 字") String street,
      @Size(max = 200, message = "不能超过 200 字") String address,
      @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间")
      @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间") BigDecimal lat,
      @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间")
      @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间") BigDecimal lon) {

    public Location(String district, String street, String address) {
      this(district, street, address, null, null);
    }
  }
}
