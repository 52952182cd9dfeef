package org.wenzheng.appeal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The appeal's steps as the rest of the application takes them: each method changes the appeal's row and journals
 * the step ({@link JournalEvent}, with who did it) in the same call and the caller's transaction, so that state and
 * trace cannot part. The person is the engine's authenticated user (the one completing the task), or the system.
 */
@Service
@NamedInterface("steps")
public class AppealSteps {

  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final IdentityService identityService;

  AppealSteps(AppealRepository appeals, AppealJournal journal, IdentityService identityService) {
    this.appeals = appeals;
    this.journal = journal;
    this.identityService = identityService;
  }

  /** Who is taking the step now: the engine's authenticated user, or the system. */
  public Actor actor() {
    return Actor.current(identityService);
  }

  /** 审核: accepted for a unit. */
  public void accepted(Appeal appeal, AppealType type, Complexity complexity, String unit, String dispatchNote,
      boolean urgent) {
    appeals.recordAccepted(appeal.id(), type, complexity, unit, dispatchNote, urgent);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("decision", ReviewDecision.ACCEPT.name());
    detail.put("urgent", urgent);
    detail.put("departmentCode", unit);
    detail.put("appealType", type.name());
    detail.put("complexity", complexity.name());
    if (dispatchNote != null) {
      detail.put("dispatchNote", dispatchNote);
    }
    journal.record(appeal.id(), JournalEvent.REVIEWED, actor(), detail);
  }

  /** 审核: a duplicate, merged into the appeal that carries it (which journals that it took one in). */
  public void mergedAtReview(Appeal appeal, Appeal primary) {
    Actor actor = actor();
    appeals.recordMerged(appeal.id(), primary.id());
    journal.record(primary.id(), JournalEvent.DUPLICATE_MERGED, actor,
        Map.of("trackingNumber", appeal.trackingNumber()));
    journal.record(appeal.id(), JournalEvent.REVIEWED, actor, Map.of("decision", ReviewDecision.MERGE.name(),
        "mergedInto", primary.trackingNumber()));
  }

  /** 审核: rejected, with the reason the citizen is told. */
  public void rejected(Appeal appeal, RejectReason reason, String note) {
    appeals.recordRejected(appeal.id(), reason, note);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("decision", ReviewDecision.REJECT.name());
    detail.put("rejectReason", reason.name());
    detail.put("rejectNote", note);
    journal.record(appeal.id(), JournalEvent.REVIEWED, actor(), detail);
  }

  /** A duplicate shares the rejection of the appeal it was merged into. */
  public void rejectedWith(Appeal merged, Appeal primary) {
    appeals.recordRejected(merged.id(), primary.rejectReason(), primary.rejectNote());
    journal.record(merged.id(), JournalEvent.REVIEWED, actor(), Map.of("decision", ReviewDecision.REJECT.name(),
        "rejectReason", primary.rejectReason().name(), "rejectNote", primary.rejectNote(),
        "sharedFrom", primary.trackingNumber()));
  }

  /** 合并: the merged appeal ends here; its citizen hears from the one that carries it. */
  public void merged(Appeal merged, Appeal primary) {
    journal.record(merged.id(), JournalEvent.MERGED, actor(), Map.of("mergedInto", primary.trackingNumber()));
  }

  /** 转办: sent to its unit. */
  public void dispatched(Appeal appeal) {
    appeals.recordDispatched(appeal.id());
    journal.record(appeal.id(), JournalEvent.DISPATCHED, actor(), Map.of("departmentCode", appeal.departmentCode()));
  }

  /** 签收: the unit has taken the appeal on. */
  public void acknowledged(Appeal appeal) {
    appeals.recordAcknowledged(appeal.id());
    journal.record(appeal.id(), JournalEvent.ACKNOWLEDGED, actor(), Map.of("departmentCode", appeal.departmentCode()));
  }

  /**
   * 办理: the unit's handling, as {@code detail} says (outcome, and the reply, return reason, extension or question);
   * a reply ({@code replyText} not null) is recorded on the appeal for the dispatch centre's review.
   */
  public void handled(Appeal appeal, HandlingOutcome outcome, String replyText, Map<String, Object> detail) {
    if (replyText != null) {
      appeals.recordHandled(appeal.id(), outcome, replyText);
    }
    journal.record(appeal.id(), JournalEvent.HANDLED, actor(), detail);
  }

  /** 退单: the unit returns the appeal with a reason; counted against it. */
  public void returned(Appeal appeal, String reason) {
    Actor actor = actor();
    appeals.recordReturn(appeal.id(), appeal.departmentCode(), reason, actor.userId());
    journal.record(appeal.id(), JournalEvent.RETURNED, actor,
        Map.of("departmentCode", appeal.departmentCode(), "reason", reason));
  }

  /** 同意退单: the return was justified; the appeal goes back to review for another unit. */
  public void returnAgreed(Appeal appeal, String note) {
    Actor actor = actor();
    appeals.decideLatestReturn(appeal.id(), "AGREED", true, note, actor.userId());
    journal.record(appeal.id(), JournalEvent.RETURN_AGREED, actor, Map.of("departmentCode", appeal.departmentCode()));
  }

  /**
   * 争议裁定: the supervision office names the lead unit (which may no longer return the appeal, 首接负责制) and any
   * co-handling units; each earlier return is judged by it.
   */
  public void disputeRuled(Appeal appeal, String leadUnit, List<String> coUnits, String note) {
    Actor actor = actor();
    appeals.applyDisputeRuling(appeal.id(), leadUnit, note, actor.userId());
    appeals.designateLead(appeal.id(), leadUnit);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("leadUnit", leadUnit);
    detail.put("coUnits", coUnits);
    detail.put("note", note);
    journal.record(appeal.id(), JournalEvent.DISPUTE_RULED, actor, detail);
  }

  /** 不同意退单: the return was unjustified; the appeal goes back to the same unit with the note. */
  public void returnRejected(Appeal appeal, String note) {
    Actor actor = actor();
    appeals.decideLatestReturn(appeal.id(), "REJECTED", false, note, actor.userId());
    appeals.backToUnit(appeal.id());
    journal.record(appeal.id(), JournalEvent.RETURN_REJECTED, actor,
        Map.of("departmentCode", appeal.departmentCode(), "note", note));
  }

  /** 答复诉求人: the reply goes out; the citizen may rate it until {@code ratingClosesAt}. */
  public void replied(Appeal appeal, OffsetDateTime ratingClosesAt) {
    appeals.recordReplied(appeal.id(), ratingClosesAt);
    journal.record(appeal.id(), JournalEvent.REPLIED, actor(), Map.of(
        "departmentCode", appeal.departmentCode(), "outcome", appeal.handlingOutcome().name(),
        "replyText", appeal.replyText()));
  }

  /** A duplicate gets the reply of the appeal it was merged into. */
  public void repliedWith(Appeal merged, Appeal primary) {
    appeals.shareReply(merged.id(), primary);
    journal.record(merged.id(), JournalEvent.REPLIED, actor(), Map.of("departmentCode", primary.departmentCode(),
        "outcome", primary.handlingOutcome().name(), "replyText", primary.replyText(),
        "sharedFrom", primary.trackingNumber()));
  }

  /** 回访: the dispatch centre's return visit (the cause only when the citizen is unsatisfied). */
  public void visited(Appeal appeal, Satisfaction satisfaction, UnsatisfiedCause cause, String note) {
    appeals.recordVisit(appeal.id(), satisfaction, note, "DISPATCH");
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("satisfaction", satisfaction.name());
    if (cause != null) {
      detail.put("unsatisfiedCause", cause.name());
    }
    if (note != null) {
      detail.put("visitNote", note);
    }
    journal.record(appeal.id(), JournalEvent.VISITED, actor(), detail);
  }

  /** 评价: the citizen rated the reply online ({@code via}: the page, a signed link or a channel). */
  public void rated(Appeal appeal, Satisfaction satisfaction, String comment, String via) {
    appeals.recordVisit(appeal.id(), satisfaction, comment, "CITIZEN");
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("satisfaction", satisfaction.name());
    detail.put("via", via);
    if (comment != null) {
      detail.put("comment", comment);
    }
    journal.record(appeal.id(), JournalEvent.RATED, Actor.CITIZEN, detail);
  }

  /** 重办: back to the unit once; answers the redo count. */
  public int redone(Appeal appeal) {
    int redoCount = appeals.startRedo(appeal.id());
    journal.record(appeal.id(), JournalEvent.REDO, actor(),
        Map.of("departmentCode", appeal.departmentCode(), "redoCount", redoCount));
    return redoCount;
  }

  /** 办结: how the appeal ended. */
  public void concluded(Appeal appeal, Conclusion conclusion) {
    appeals.recordConcluded(appeal.id(), conclusion);
    journal.record(appeal.id(), JournalEvent.CONCLUDED, actor(), Map.of("conclusion", conclusion.name()));
  }

  /** 归档, by the system. */
  public void archived(Appeal appeal) {
    appeals.recordArchived(appeal.id());
    journal.record(appeal.id(), JournalEvent.ARCHIVED, Actor.SYSTEM, Map.of());
  }
}
