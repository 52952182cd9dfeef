package org.wenzheng.appeal;

/** What intake registers: the citizen's appeal as received, before anyone has looked at it. */
public record NewAppeal(
    Channel channel,
    String channelMessageId,
    String title,
    String content,
    AppealType requestedType,
    String mailboxCode,
    String citizenName,
    String citizenPhone,
    String citizenEmail,
    String district,
    String street,
    String address,
    boolean urgent) {
}
