package org.wenzheng.citizen;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The submit page's form: what a citizen types, with the messages they read when something is missing or wrong. */
public class SubmitForm {

  @NotBlank(message = "请选择诉求类型")
  @Pattern(regexp = "CONSULTATION|COMPLAINT|SUGGESTION|INFORMATION", message = "请选择诉求类型")
  private String appealType;

  @NotBlank(message = "请填写标题，一句话说明问题")
  @Size(max = 100, message = "标题不能超过 100 字")
  private String title;

  // Each field shows one message: the constraints of a field never fail together (empty is only "missing").
  @NotBlank(message = "请写明诉求内容")
  @Pattern(regexp = "(?s)(.{10,3000})?", message = "内容请写 10 至 3000 字：发生了什么、在哪里、从什么时候开始")
  private String content;

  @Size(max = 20, message = "请从列表中选择")
  private String district;

  @Size(max = 50, message = "街道不能超过 50 字")
  private String street;

  @Size(max = 200, message = "详细地址不能超过 200 字")
  private String address;

  @Size(max = 50, message = "姓名不能超过 50 字")
  private String name;

  @NotBlank(message = "请填写手机号：凭手机号后四位查询办理进度，答复也会发到这里")
  @Pattern(regexp = "(1[3-9]\\d{9})?", message = "手机号应为 11 位数字，如 13812345678")
  private String phone;

  @Email(message = "邮箱格式不正确，如 name@example.com")
  @Size(max = 200, message = "邮箱不能超过 200 个字符")
  private String email;

  @Size(max = 32, message = "请从列表中选择")
  private String mailbox;

  private boolean publishable = true;

  /** Generated when the form is shown: submitting the same form twice registers one appeal. */
  @NotBlank(message = "页面已过期，请刷新后重新提交")
  @Pattern(regexp = "[0-9a-f-]{36}", message = "页面已过期，请刷新后重新提交")
  private String submissionId;

  public String getAppealType() {
    return appealType;
  }

  public void setAppealType(String appealType) {
    this.appealType = appealType;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getContent() {
    return content;
  }

  public void setContent(String content) {
    this.content = content;
  }

  public String getDistrict() {
    return district;
  }

  public void setDistrict(String district) {
    this.district = district;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone == null ? null : phone.replaceAll("[\\s-]", "");
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getMailbox() {
    return mailbox;
  }

  public void setMailbox(String mailbox) {
    this.mailbox = mailbox;
  }

  public boolean isPublishable() {
    return publishable;
  }

  public void setPublishable(boolean publishable) {
    this.publishable = publishable;
  }

  public String getSubmissionId() {
    return submissionId;
  }

  public void setSubmissionId(String submissionId) {
    this.submissionId = submissionId;
  }
}
