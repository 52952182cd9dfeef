package org.wenzheng.appeal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** A value with the Chinese word people see for it. */
@NamedInterface("records")
public interface Labelled {

  String name();

  String label();

  /** The constant with this exact name, if any (no case folding: codes are a contract). */
  static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, Object value) {
    if (!(value instanceof String s)) {
      return Optional.empty();
    }
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(s)).findFirst();
  }

  /** "A | B | C", for error messages. */
  static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(" | "));
  }
}
