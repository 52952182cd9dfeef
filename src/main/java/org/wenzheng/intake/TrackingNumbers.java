package org.wenzheng.intake;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.wenzheng.calendar.EngineClock;

/**
 * Tracking numbers (受理编号) such as {@code WZ2611210001234}: the day of receipt, a sequence number and a Luhn check
 * digit, so that a number read out over the phone with one wrong or swapped digit is recognised as wrong rather
 * than pointing at somebody else's appeal.
 */
final class TrackingNumbers {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(EngineClock.ZONE);

  static String format(Instant receivedAt, long sequence) {
    String digits = DAY.format(receivedAt) + String.format("%06d", sequence);
    return "WZ" + digits + luhnCheckDigit(digits);
  }

  static boolean isWellFormed(String trackingNumber) {
    if (trackingNumber == null || !trackingNumber.matches("WZ\\d{13,}")) {
      return false;
    }
    String digits = trackingNumber.substring(2, trackingNumber.length() - 1);
    return luhnCheckDigit(digits) == trackingNumber.charAt(trackingNumber.length() - 1) - '0';
  }

  static int luhnCheckDigit(String digits) {
    int sum = 0;
    boolean twice = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }

  private TrackingNumbers() {
  }
}
