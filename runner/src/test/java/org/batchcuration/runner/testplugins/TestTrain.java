package org.batchcuration.runner.testplugins;

import org.batchcuration.api.Checks;

/** A stand-in for training's settings in schemas built by tests: the two pinned paths. */
public record TestTrain(int epochs, int batchSize) {
  public TestTrain {
    Checks.atLeast("epochs", epochs, 1);
    Checks.atLeast("batchSize", batchSize, 2);
  }

  public static TestTrain defaults() {
    return new TestTrain(3, 16);
  }
}
