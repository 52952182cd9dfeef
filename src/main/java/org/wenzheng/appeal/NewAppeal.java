package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

/** What intake registers: the citizen's appeal as received, before anyone has looked at it. */
@NamedInterface("records")
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
    boolean urgent,
    /** The citizen agrees that the appeal and its reply appear on the public board, personal data masked. */
    boolean publishable,
    /** Where the citizen was (WGS-84), when the channel says: an Open311 client, an app; or null. */
    java.math.BigDecimal latitude,
    java.math.BigDecimal longitude) {
}
