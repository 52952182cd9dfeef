package org.wenzheng.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo profile without {@code spring.mail.host}: an in-process SMTP server (GreenMail) receives every email, and
 * {@code /demo/mail} shows them, so a newcomer sees what citizens and units get. Never active in production.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DemoMailServer {

  private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail demoSmtpServer() {
    return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  }

  @Bean
  JavaMailSenderImpl mailSender(GreenMail demoSmtpServer) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(demoSmtpServer.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    log.info("Demo mail: emails go to an in-process SMTP server on port {}; read them at /demo/mail",
        demoSmtpServer.getSmtp().getPort());
    return sender;
  }
}
