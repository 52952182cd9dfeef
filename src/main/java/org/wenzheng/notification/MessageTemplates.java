package org.wenzheng.notification;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Message texts in Chinese, as Thymeleaf text templates ({@code templates/mail/<kind>.txt}) that an editor can change
 * without touching Java. The first line is the subject.
 */
@Component
class MessageTemplates {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  MessageTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  record Rendered(String subject, String body) {
  }

  Rendered render(NotificationKind kind, Map<String, Object> model) {
    String text = engine.process(kind.name().toLowerCase(), new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
    int newline = text.indexOf('\n');
    if (newline < 0) {
      throw new IllegalStateException("template " + kind + " has no subject line");
    }
    return new Rendered(text.substring(0, newline).strip(), text.substring(newline + 1).strip() + "\n");
  }
}
