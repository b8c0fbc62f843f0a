package org.batchcuration.runner.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EngineLogTest {
  @TempDir Path dir;

  @BeforeEach
  @AfterEach
  void drain() throws Exception {
    EngineLog.echoTo(Optional.empty());
    EngineLog.appendTo(dir.resolve("drained.log"));
  }

  @Test
  void slf4jLinesGoToTheEngineLogAndNotTheScreen() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
        .startsWith(EngineLogProvider.class.getName());
    Logger log = LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils");
    log.warn("Failed to detect GPU count: {}", "no driver");
    log.debug("not recorded");
    log.info("boom", new IllegalStateException("why"));
    assertThat(EngineLog.lines()).hasSize(2);
    assertThat(EngineLog.lines().get(0))
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN \\[.+\\] ai\\.djl\\.util\\.cuda\\.CudaUtils -"
                + " Failed to detect GPU count: no driver");
    assertThat(EngineLog.lines().get(1))
        .contains("INFO", " - boom", "java.lang.IllegalStateException: why", "\tat ");
  }

  @Test
  void appendToWritesTheLinesOnceAndNothingWhenThereAreNone() throws Exception {
    Path file = dir.resolve("run").resolve("engine.log");
    Files.createDirectories(file.getParent());
    EngineLog.appendTo(file);
    assertThat(file).doesNotExist();
    LoggerFactory.getLogger("x").info("one");
    EngineLog.appendTo(file);
    LoggerFactory.getLogger("x").info("two");
    EngineLog.appendTo(file);
    EngineLog.appendTo(file);
    assertThat(Files.readAllLines(file)).hasSize(2);
    assertThat(Files.readAllLines(file).get(0)).endsWith("x - one");
    assertThat(Files.readAllLines(file).get(1)).endsWith("x - two");
    assertThat(EngineLog.lines()).isEmpty();
  }

  @Test
  void echoShowsEveryLineUntilStopped() {
    StringWriter err = new StringWriter();
    EngineLog.echoTo(Optional.of(new PrintWriter(err)));
    LoggerFactory.getLogger("y").warn("shown");
    EngineLog.echoTo(Optional.empty());
    LoggerFactory.getLogger("y").warn("hidden");
    assertThat(err.toString()).contains("WARN").contains("y - shown").doesNotContain("hidden");
    assertThat(EngineLog.lines()).hasSize(2);
  }
}
