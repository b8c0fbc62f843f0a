package org.batchcuration.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.batchcuration.runner.config.Json;

/**
 * Reads a run folder's {@code result.json} when, and only when, it records a completed run: a
 * missing, unreadable, half-written or non-completed result never counts. Stateless.
 */
final class CompletedRuns {
  private CompletedRuns() {}

  /** The text of {@code dir/result.json} if its {@code status} is {@code completed}. */
  static Optional<String> result(Path dir) {
    Path f = dir.resolve("result.json");
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return completed(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code text} if it is a {@code result.json} whose {@code status} is {@code completed}. */
  static Optional<String> completed(String text) {
    try {
      JsonNode n = Json.mapper().readTree(text);
      return n != null && n.isObject() && "completed".equals(n.path("status").asText())
          ? Optional.of(text)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
