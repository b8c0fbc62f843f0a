package org.batchcuration.training;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Running sums of the current epoch and of the whole run, saved in checkpoints so that a resumed
 * run reports the same epoch and result statistics as an uninterrupted one. Doubles are summed in
 * step order and stored bit for bit. Mutable; used by the training thread only.
 */
final class Totals {
  // current epoch
  double epochLossSum;
  int epochLossCount;
  double epochCuratedSum;
  int epochSteps;
  int epochSkipped;
  long epochWaitNanos;
  long epochNanos;
  // whole run
  double runCuratedSum;
  long runSteps;
  long runPreviews;
  long runRedrawnPairs;
  int runSkipped;
  long trainNanos;
  // corruption testbed: per-step detection values summed over the steps where each is defined
  long detectSteps;
  double precisionSum;
  long precisionSteps;
  double recallSum;
  long recallSteps;
  double aurocSum;
  long aurocSteps;

  void addStep(boolean finite, double loss, double curatedFraction, int previews, int redrawn) {
    if (finite) {
      epochLossSum += loss;
      epochLossCount++;
    } else {
      epochSkipped++;
      runSkipped++;
    }
    epochCuratedSum += curatedFraction;
    epochSteps++;
    runCuratedSum += curatedFraction;
    runSteps++;
    runPreviews += previews;
    runRedrawnPairs += redrawn;
  }

  /** Adds one step's detection values ({@link CorruptionStats}); absent ones are not counted. */
  void addDetection(CorruptionStats.Step d) {
    if (!d.active()) {
      return;
    }
    detectSteps++;
    if (d.precision().isPresent()) {
      precisionSum += d.precision().getAsDouble();
      precisionSteps++;
    }
    if (d.recall().isPresent()) {
      recallSum += d.recall().getAsDouble();
      recallSteps++;
    }
    if (d.auroc().isPresent()) {
      aurocSum += d.auroc().getAsDouble();
      aurocSteps++;
    }
  }

  double epochLossMean() {
    return epochLossCount == 0 ? Double.NaN : epochLossSum / epochLossCount;
  }

  double epochCuratedMean() {
    return epochSteps == 0 ? Double.NaN : epochCuratedSum / epochSteps;
  }

  double runCuratedMean() {
    return runSteps == 0 ? Double.NaN : runCuratedSum / runSteps;
  }

  void startEpoch() {
    epochLossSum = 0;
    epochLossCount = 0;
    epochCuratedSum = 0;
    epochSteps = 0;
    epochSkipped = 0;
    epochWaitNanos = 0;
    epochNanos = 0;
  }

  /** An independent copy (checkpoints hold a snapshot). */
  Totals copy() {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      write(new java.io.DataOutputStream(bytes));
      return read(
          new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void write(DataOutput out) throws IOException {
    out.writeDouble(epochLossSum);
    out.writeInt(epochLossCount);
    out.writeDouble(epochCuratedSum);
    out.writeInt(epochSteps);
    out.writeInt(epochSkipped);
    out.writeLong(epochWaitNanos);
    out.writeLong(epochNanos);
    out.writeDouble(runCuratedSum);
    out.writeLong(runSteps);
    out.writeLong(runPreviews);
    out.writeLong(runRedrawnPairs);
    out.writeInt(runSkipped);
    out.writeLong(trainNanos);
    out.writeLong(detectSteps);
    out.writeDouble(precisionSum);
    out.writeLong(precisionSteps);
    out.writeDouble(recallSum);
    out.writeLong(recallSteps);
    out.writeDouble(aurocSum);
    out.writeLong(aurocSteps);
  }

  static Totals read(DataInput in) throws IOException {
    Totals t = new Totals();
    t.epochLossSum = in.readDouble();
    t.epochLossCount = in.readInt();
    t.epochCuratedSum = in.readDouble();
    t.epochSteps = in.readInt();
    t.epochSkipped = in.readInt();
    t.epochWaitNanos = in.readLong();
    t.epochNanos = in.readLong();
    t.runCuratedSum = in.readDouble();
    t.runSteps = in.readLong();
    t.runPreviews = in.readLong();
    t.runRedrawnPairs = in.readLong();
    t.runSkipped = in.readInt();
    t.trainNanos = in.readLong();
    t.detectSteps = in.readLong();
    t.precisionSum = in.readDouble();
    t.precisionSteps = in.readLong();
    t.recallSum = in.readDouble();
    t.recallSteps = in.readLong();
    t.aurocSum = in.readDouble();
    t.aurocSteps = in.readLong();
    return t;
  }
}
