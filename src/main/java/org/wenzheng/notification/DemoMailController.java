package org.wenzheng.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /demo/mail}: what the demo's in-process SMTP server received, newest first. Administrators only: it holds every unit's mail and citizens' signed links. */
@Controller
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DemoMailController {

  private final GreenMail server;

  DemoMailController(GreenMail demoSmtpServer) {
    this.server = demoSmtpServer;
  }

  record Mail(String messageId, Date sent, String from, String to, String subject, String body) {
  }

  @GetMapping("/demo/mail")
  String list(Model model) throws MessagingException, IOException {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      mails.add(new Mail(m.getMessageID(), m.getSentDate(), addresses(m.getFrom()),
          addresses(m.getRecipients(Message.RecipientType.TO)), m.getSubject(), String.valueOf(m.getContent())));
    }
    mails.sort(Comparator.comparing(Mail::sent, Comparator.nullsLast(Comparator.reverseOrder())));
    model.addAttribute("mails", mails);
    return "demo-mail";
  }

  private static String addresses(Address[] addresses) {
    return addresses == null ? "" : String.join(", ", Arrays.stream(addresses)
        .map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : String.valueOf(a)).toList());
  }
}
