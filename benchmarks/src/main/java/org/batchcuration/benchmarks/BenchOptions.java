package org.batchcuration.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ./curation bench} measures.
 *
 * @param quick fewer steps and sizes (a few minutes instead of a quarter of an hour); the
 *     curation-loop section leaves out its ResNet-18 part
 * @param sections the sections to run, from {@link #ALL_SECTIONS}
 * @param out where to write the figures as JSON, when given
 * @param peerDir the folder holding the peer scripts ({@code torch_simclr_step.py}, {@code
 *     torch_augment.py})
 * @param python the Python interpreter that has Debian's torch and torchvision
 * @param threads threads for the training step (engine and peer alike)
 * @param dataPath Fashion-MNIST folder for the data-wait section (synthetic data when absent)
 */
public record BenchOptions(
    boolean quick,
    Set<String> sections,
    Optional<Path> out,
    Path peerDir,
    Path python,
    int threads,
    Path dataPath) {

  /** Sections in the order they run. */
  public static final List<String> ALL_SECTIONS =
      List.of(
          "step", "augment", "scaling", "curation", "curation-loop", "data", "memory", "encoder");

  public BenchOptions {
    Objects.requireNonNull(sections, "sections");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(peerDir, "peerDir");
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(dataPath, "dataPath");
    for (String s : sections) {
      if (!ALL_SECTIONS.contains(s)) {
        throw new IllegalArgumentException(
            "unknown bench section \"" + s + "\"; known: " + ALL_SECTIONS);
      }
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    sections = Set.copyOf(sections);
  }

  public boolean runs(String section) {
    return sections.contains(section);
  }
}
