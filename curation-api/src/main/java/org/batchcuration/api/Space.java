package org.batchcuration.api;

/**
 * Which embedding a curator measures similarity in; in configs {@code "projection"} or {@code
 * "representation"} (its {@link #toString()}, see {@link ConfigValues}).
 */
public enum Space {
  /** The projection head's output {@code z}, the space the contrastive loss acts in. */
  PROJECTION,
  /** The encoder's output {@code h}, the representation used downstream. */
  REPRESENTATION;

  /** The config name: {@code projection} or {@code representation}. */
  @Override
  public String toString() {
    return ConfigValues.name(this);
  }
}
