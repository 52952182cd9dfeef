package org.wenzheng.appeal;

import java.time.OffsetDateTime;
import org.springframework.modulith.NamedInterface;

/** One row of the appeal table: the appeal's state, kept in step with its process instance. */
@NamedInterface("records")
public record Appeal(
    long id,
    String trackingNumber,
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
    AppealStatus status,
    String processInstanceId,
    AppealType appealType,
    Complexity complexity,
    String departmentCode,
    String dispatchNote,
    RejectReason rejectReason,
    String rejectNote,
    HandlingOutcome handlingOutcome,
    String replyText,
    int returnsCount,
    int redoCount,
    Satisfaction satisfaction,
    String visitNote,
    Conclusion conclusion,
    OffsetDateTime receivedAt,
    OffsetDateTime reviewedAt,
    OffsetDateTime dispatchedAt,
    OffsetDateTime acknowledgedAt,
    OffsetDateTime handledAt,
    OffsetDateTime repliedAt,
    OffsetDateTime visitedAt,
    OffsetDateTime concludedAt,
    OffsetDateTime archivedAt,
    OffsetDateTime updatedAt,
    boolean urgent,
    OffsetDateTime responseDueAt,
    OffsetDateTime resolutionDueAt,
    boolean responseOverdue,
    boolean resolutionOverdue,
    boolean returnAllowed,
    Long mergedInto,
    OffsetDateTime ratingClosesAt,
    String ratedBy,
    boolean publishable) {

  /** The location as one line, for forms and messages: district, street, address. */
  public String locationLine() {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {district, street, address}) {
      if (part != null && !part.isBlank()) {
        sb.append(part.strip());
      }
    }
    return sb.toString();
  }
}
