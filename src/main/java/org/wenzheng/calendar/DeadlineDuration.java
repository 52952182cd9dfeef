package org.wenzheng.calendar;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * An allowed time as policies write it: ISO-8601 days and time, e.g. {@code PT1H}, {@code PT8H}, {@code P1D},
 * {@code P4D}, {@code P1DT4H}. Days are kept apart from hours because a working day is not 24 hours: in working time
 * {@code P1D} is one working day (the office hours of a day), in natural time 24 hours.
 */
@NamedInterface("calendar")
public record DeadlineDuration(int days, Duration time) {

  private static final Pattern ISO = Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");

  public DeadlineDuration {
    if (days < 0 || time.isNegative()) {
      throw new IllegalArgumentException("a deadline duration cannot be negative");
    }
  }

  /** Parses {@code PnDTnHnM} (any part may be left out, at least one must be there). */
  public static DeadlineDuration parse(String iso) {
    Matcher m = iso == null ? null : ISO.matcher(iso.strip());
    if (m == null || !m.matches() || iso.strip().equals("P") || iso.strip().endsWith("T")) {
      throw new IllegalArgumentException("'" + iso + "' is not an ISO-8601 duration of days, hours and minutes "
          + "(e.g. PT1H, P1D, P1DT4H)");
    }
    int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    long hours = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long minutes = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
    if (days > 3660 || hours > 100_000 || minutes > 10_000_000) {
      throw new IllegalArgumentException("'" + iso + "' is longer than any deadline this system handles");
    }
    return new DeadlineDuration(days, Duration.ofHours(hours).plusMinutes(minutes));
  }

  public boolean isZero() {
    return days == 0 && time.isZero();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("P");
    if (days > 0) {
      sb.append(days).append('D');
    }
    long minutes = time.toMinutes();
    if (minutes > 0 || days == 0) {
      sb.append('T');
      if (minutes / 60 > 0) {
        sb.append(minutes / 60).append('H');
      }
      if (minutes % 60 > 0 || minutes == 0) {
        sb.append(minutes % 60).append('M');
      }
    }
    return sb.toString();
  }
}
