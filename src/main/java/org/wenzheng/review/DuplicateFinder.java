package org.wenzheng.review;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;
import org.wenzheng.text.AppealWords;

/**
 * Possible duplicates of an appeal, for the dispatcher to see at review: appeals of the last seven days from the same
 * phone, or about the same place (district and street) with similar words. Only accepted appeals still being worked
 * on are offered: a duplicate is merged into an appeal whose reply is still to come (or has just gone out).
 *
 * <p>The 50 latest appeals of the same phone or place (asked of the appeal's records), and for each how alike its
 * words are to this appeal's (asked of the word index, written once when each appeal arrived;
 * {@link AppealWords#similarity}).
 */
@Component
class DuplicateFinder {

  /** One possible duplicate, as the review form shows it. */
  record Candidate(long id, String trackingNumber, String title, AppealStatus status, String departmentCode,
      OffsetDateTime receivedAt, double similarity, boolean samePhone) {
  }

  static final Duration WINDOW = Duration.ofDays(7);
  static final double SIMILAR = 0.3;
  static final int MAX = 5;
  /** How many of the latest appeals of the same phone or place are compared. */
  static final int RECENT = 50;
  private final AppealRepository appeals;
  private final AppealWords words;
  private final Directory directory;

  DuplicateFinder(AppealRepository appeals, AppealWords words, Directory directory) {
    this.appeals = appeals;
    this.words = words;
    this.directory = directory;
  }

  List<Candidate> candidates(Appeal appeal) {
    List<Appeal> recent = appeals.samePhoneOrPlace(appeal, appeal.receivedAt().minus(WINDOW),
        AppealStatus.ACCEPTED_OPEN, RECENT);
    Map<Long, Double> similarity = words.similarity(appeal.id(), recent.stream().map(Appeal::id).toList());
    return recent.stream()
        .map(r -> new Candidate(r.id(), r.trackingNumber(), r.title(), r.status(), r.departmentCode(), r.receivedAt(),
            similarity.getOrDefault(r.id(), 0.0),
            appeal.citizenPhone() != null && appeal.citizenPhone().equals(r.citizenPhone())))
        .filter(c -> c.samePhone() || c.similarity() >= SIMILAR)
        .sorted(Comparator.comparingDouble(Candidate::similarity).reversed()
            .thenComparing(Candidate::receivedAt, Comparator.reverseOrder()))
        .limit(MAX).toList();
  }

  /** One line per candidate, for the review form. */
  String describe(Candidate c) {
    String unit = c.departmentCode() == null ? "" : directory.unitName(c.departmentCode()) + "，";
    return c.trackingNumber() + "（" + EngineClock.SHORT.format(c.receivedAt()) + "，" + unit + c.status().label()
        + "）" + c.title() + " — 相似度 " + Math.round(c.similarity() * 100) + "%" + (c.samePhone() ? "，同一手机号" : "");
  }
}
