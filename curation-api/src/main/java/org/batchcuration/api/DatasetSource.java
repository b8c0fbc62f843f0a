package org.batchcuration.api;

import java.util.Set;

/**
 * A configured dataset: knows where its files are and loads a split on request. Created by a {@link
 * DatasetProvider}; creating it is cheap, {@link #load(Split)} does the I/O.
 */
public interface DatasetSource {

  /** The splits this dataset has. */
  Set<Split> splits();

  /**
   * Loads a split into memory, validating every file before allocating for it.
   *
   * @throws DataException when a file is missing, unreadable or malformed; the message names the
   *     file and the record or byte offset
   * @throws IllegalArgumentException when the split is not in {@link #splits()}
   */
  ImageDataset load(Split split);
}
