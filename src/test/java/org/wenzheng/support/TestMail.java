package org.wenzheng.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
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

  /** A fixed port for the whole run, so that the server can be stopped and started again where the app expects it. */
  private static final int PORT = freePort();
  private static volatile GreenMail server = start();
  private static ServerSocket hanging;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail start() {
    GreenMail started = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    started.start();
    return started;
  }

  public static GreenMail server() {
    return server;
  }

  /** The mail server goes down: connections are refused until {@link #restart()}. */
  public static synchronized void stop() {
    server.stop();
  }

  /**
   * The mail server hangs: it accepts connections on its port and never says a word (not even its greeting), until
   * {@link #restart()}.
   */
  public static synchronized void hang() {
    server.stop();
    try {
      ServerSocket socket = new ServerSocket(PORT, 50, java.net.InetAddress.getByName("127.0.0.1"));
      hanging = socket;
      Thread acceptor = new Thread(() -> {
        List<java.net.Socket> held = new java.util.ArrayList<>();
        try {
          while (true) {
            held.add(socket.accept());
          }
        } catch (IOException closed) {
          held.forEach(h -> {
            try {
              h.close();
            } catch (IOException ignored) {
              // closing anyway
            }
          });
        }
      }, "hanging-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail server is back, on the same port, with an empty mailbox. */
  public static synchronized void restart() {
    if (hanging != null) {
      try {
        hanging.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      hanging = null;
    }
    server = start();
  }

  /** Messages received so far for this address (tests use unique addresses, so they do not see each other's). */
  public static List<MimeMessage> to(String address) {
    return Arrays.stream(server.getReceivedMessages()).filter(m -> {
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
          "spring.mail.port", PORT)));
    }
  }

  private TestMail() {
  }
}
