package org.wenzheng.appeal;

import static org.wenzheng.calendar.EngineClock.local;

import java.time.OffsetDateTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.directory.Directory;

/**
 * {@code GET /api/appeals/{id}} for staff, as {@link AppealReadAccess} allows.
 */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

  private final AppealReadAccess access;
  private final Directory directory;

  AppealController(AppealReadAccess access, Directory directory) {
    this.access = access;
    this.directory = directory;
  }

  @GetMapping("/{id}")
  AppealView get(@PathVariable long id) {
    Appeal a = access.readable(id);
    return AppealView.of(a, a.departmentCode() == null ? null : directory.unitName(a.departmentCode()));
  }

  record AppealView(long id, String trackingNumber, String status, String statusLabel, String channel,
      String title, String content, String appealType, String complexity, String mailbox, Citizen citizen,
      Location location, Department department, int returnsCount, int redoCount, Reply reply,
      String satisfaction, String conclusion, Timestamps timestamps) {

    record Citizen(String name, String phone, String email) {
    }

    record Location(String district, String street, String address) {
    }

    record Department(String code, String name) {
    }

    record Reply(String outcome, String text, OffsetDateTime repliedAt) {
    }

    record Timestamps(OffsetDateTime received, OffsetDateTime reviewed, OffsetDateTime dispatched,
        OffsetDateTime acknowledged, OffsetDateTime replied, OffsetDateTime visited, OffsetDateTime concluded,
        OffsetDateTime archived) {
    }

    static AppealView of(Appeal a, String departmentName) {
      return new AppealView(a.id(), a.trackingNumber(), a.status().name(), a.status().label(), a.channel().name(),
          a.title(), a.content(), name(a.appealType()), name(a.complexity()), a.mailboxCode(),
          new Citizen(a.citizenName(), a.citizenPhone(), a.citizenEmail()),
          new Location(a.district(), a.street(), a.address()),
          a.departmentCode() == null ? null : new Department(a.departmentCode(), departmentName),
          a.returnsCount(), a.redoCount(),
          a.replyText() == null || a.repliedAt() == null ? null
              : new Reply(name(a.handlingOutcome()), a.replyText(), local(a.repliedAt())),
          name(a.satisfaction()), name(a.conclusion()),
          new Timestamps(local(a.receivedAt()), local(a.reviewedAt()), local(a.dispatchedAt()),
              local(a.acknowledgedAt()), local(a.repliedAt()), local(a.visitedAt()), local(a.concludedAt()),
              local(a.archivedAt())));
    }

    private static String name(Enum<?> e) {
      return e == null ? null : e.name();
    }
  }
}
