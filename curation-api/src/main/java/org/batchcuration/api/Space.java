package org.batchcuration.api;

/** Which embedding a curator measures similarity in. */
public enum Space {
  /** The projection head's output {@code z}, the space the contrastive loss acts in. */
  PROJECTION,
  /** The encoder's output {@code h}, the representation used downstream. */
  REPRESENTATION
}
