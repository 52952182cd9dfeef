package org.wenzheng.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS, WeChat, Weibo, Alipay and the mobile app reach citizens through gateways outside this system. Until a gateway
 * is connected, its adapter records what it would send: the outbox row (recipient, text, time) is the record, marked
 * sent when the adapter accepts it. Declaring an {@link OutboundChannel} bean for the same channel replaces it.
 */
final class RecordingChannel implements OutboundChannel {

  static final List<String> CHANNELS = List.of("SMS", "WECHAT", "WEIBO", "ALIPAY", "APP");

  private static final Logger log = LoggerFactory.getLogger(RecordingChannel.class);

  private final String channel;

  RecordingChannel(String channel) {
    this.channel = channel;
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public void send(OutboundMessage message) {
    // The text and the recipient stay in the outbox row; the log carries neither (personal data).
    log.info("{} adapter recorded notification {} ({} characters)", channel, message.notificationId(),
        message.body().length());
  }
}
