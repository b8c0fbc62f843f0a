package org.batchcuration.api;

import java.util.Locale;

/** A part of a dataset. Not every dataset has every split; {@link DatasetSource#splits()} says. */
public enum Split {
  TRAIN,
  TEST,
  /** Images without labels, for example STL-10's unlabeled set. */
  UNLABELED;

  /** The lower-case name used in configs and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code train}, {@code test} or {@code unlabeled}. */
  public static Split parse(String id) {
    for (Split s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown split \"" + id + "\"; known: train, test, unlabeled");
  }
}
