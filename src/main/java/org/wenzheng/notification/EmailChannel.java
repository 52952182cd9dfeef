package org.wenzheng.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email through spring-boot-starter-mail. The Message-ID is the notification's own, stable across retries. */
@Component
class EmailChannel implements OutboundChannel {

  static final String CHANNEL = "EMAIL";

  private final JavaMailSender mailSender;
  private final String from;

  EmailChannel(JavaMailSender mailSender, @Value("${wenzheng.mail.from}") String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void send(OutboundMessage message) throws Exception {
    MimeMessage mime = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(message.recipient());
    helper.setSubject(message.subject());
    helper.setText(message.body(), false);
    // JavaMailSenderImpl keeps an explicit Message-ID, so a retried message carries the same one.
    mime.setHeader("Message-ID", message.messageId());
    mailSender.send(mime);
  }
}
