package org.wenzheng.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the whole test JVM. The application is pointed at it through
 * {@code spring.mail.host}, the same setting production uses, so tests exercise the real mail path.
 */
public final class TestMail {

  private static final GreenMail SERVER = start();

  private static GreenMail start() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  public static GreenMail server() {
    return SERVER;
  }

  /** Messages received so far for this address (tests use unique addresses, so they do not see each other's). */
  public static List<MimeMessage> to(String address) {
    return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> {
      try {
        return m.getRecipients(Message.RecipientType.TO) != null
            && Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  public static String body(MimeMessage m) {
    try {
      return String.valueOf(m.getContent());
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits (the outbox sends asynchronously) for the latest message to this address about this appeal whose subject
   * contains the word, and returns its body.
   */
  public static String about(String address, String trackingNumber, String subjectWord) {
    Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> latest(address, trackingNumber, subjectWord) != null);
    return body(latest(address, trackingNumber, subjectWord));
  }

  private static MimeMessage latest(String address, String trackingNumber, String subjectWord) {
    return to(address).stream().filter(m -> {
      try {
        return m.getSubject().contains(trackingNumber) && m.getSubject().contains(subjectWord);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).reduce((a, b) -> b).orElse(null);
  }

  /** Points the application at the test SMTP server. */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail", Map.of(
          "spring.mail.host", "127.0.0.1",
          "spring.mail.port", SERVER.getSmtp().getPort())));
    }
  }

  private TestMail() {
  }
}
