package org.batchcuration.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * One checkpoint: where training is, the bookkeeping of the run, and the opaque states of the
 * trainer (parameters, optimizer, step) and the curator. The pipeline needs no state: its streams
 * are functions of the run seed, the epoch and the step.
 *
 * <p>Binary format (big-endian): magic {@code BCKP}, version, position, metrics length, {@link
 * Totals}, two length-prefixed blobs, then a CRC32 of everything before it, so a damaged file is
 * recognised instead of restoring garbage.
 *
 * @param epoch epoch of the next step to run ({@code epochs} when training is done)
 * @param stepInEpoch the next step within that epoch
 * @param step global steps done
 * @param metricsBytes length of {@code metrics.jsonl} when the checkpoint was taken
 * @param totals the running sums (copied in and out)
 * @param trainerState {@code SimClrTrainer.saveState} bytes
 * @param curatorState {@code BatchCurator.saveState} bytes
 */
record Checkpoint(
    int epoch,
    int stepInEpoch,
    long step,
    long metricsBytes,
    Totals totals,
    byte[] trainerState,
    byte[] curatorState) {

  private static final int MAGIC = 0x42434B50; // "BCKP"
  private static final int VERSION = 2;

  Checkpoint {
    Objects.requireNonNull(totals, "totals");
    Objects.requireNonNull(trainerState, "trainerState");
    Objects.requireNonNull(curatorState, "curatorState");
  }

  byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(trainerState.length + 1024);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(epoch);
      out.writeInt(stepInEpoch);
      out.writeLong(step);
      out.writeLong(metricsBytes);
      totals.write(out);
      out.writeInt(trainerState.length);
      out.write(trainerState);
      out.writeInt(curatorState.length);
      out.write(curatorState);
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses checkpoint bytes.
   *
   * @throws IllegalArgumentException when the bytes are not a checkpoint or are damaged
   */
  static Checkpoint fromBytes(byte[] data) {
    if (data.length < 16) {
      throw new IllegalArgumentException("too short for a checkpoint (" + data.length + " bytes)");
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 8);
    long stored = java.nio.ByteBuffer.wrap(data, data.length - 8, 8).getLong();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a checkpoint (bad magic number at byte 0)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "checkpoint version " + version + " is not supported (expected " + VERSION + ")");
      }
      if (stored != crc.getValue()) {
        throw new IllegalArgumentException("checksum mismatch: the checkpoint is damaged");
      }
      int epoch = in.readInt();
      int stepInEpoch = in.readInt();
      long step = in.readLong();
      long metricsBytes = in.readLong();
      Totals totals = Totals.read(in);
      byte[] trainer = readBlob(in, data.length);
      byte[] curator = readBlob(in, data.length);
      return new Checkpoint(epoch, stepInEpoch, step, metricsBytes, totals, trainer, curator);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated checkpoint: " + e.getMessage(), e);
    }
  }

  private static byte[] readBlob(DataInputStream in, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new IllegalArgumentException("bad blob length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && c.epoch == epoch
        && c.stepInEpoch == stepInEpoch
        && c.step == step
        && c.metricsBytes == metricsBytes
        && Arrays.equals(c.trainerState, trainerState)
        && Arrays.equals(c.curatorState, curatorState);
  }

  @Override
  public int hashCode() {
    return Objects.hash(epoch, stepInEpoch, step, metricsBytes, Arrays.hashCode(trainerState));
  }

  @Override
  public String toString() {
    return "Checkpoint[epoch=" + epoch + ", stepInEpoch=" + stepInEpoch + ", step=" + step + "]";
  }
}
