package org.batchcuration.simclr.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An optimizer that updates parameters in place and keeps its state (per-parameter slots such as
 * momentum or Adam's moments, and the update count) in NDArrays it owns, so the state can be saved
 * and restored exactly: a restored optimizer continues bit-for-bit on the same engine and device.
 *
 * <p>Ownership: state arrays live in a sub-manager of the manager given at construction, closed by
 * {@link #close()}; temporaries of an update are attached to the caller's scratch manager. Not
 * thread-safe.
 */
public abstract class ParameterOptimizer implements AutoCloseable {
  private static final int FORMAT = 1;

  /** The settings. */
  protected final OptimizerSettings config;

  private final NDManager stateManager;
  private final Map<String, NDArray[]> state = new TreeMap<>();
  private long updates;

  protected ParameterOptimizer(OptimizerSettings config, NDManager parent) {
    this.config = Objects.requireNonNull(config, "config");
    this.stateManager = Objects.requireNonNull(parent, "parent").newSubManager();
  }

  /** Creates the optimizer named by {@code config.type()}. */
  public static ParameterOptimizer create(OptimizerSettings config, NDManager parent) {
    return switch (config.type()) {
      case LARS -> new Lars(config, parent);
      case ADAM -> new Adam(config, parent, false);
      case ADAMW -> new Adam(config, parent, true);
      case SGD -> new SgdMomentum(config, parent);
    };
  }

  /**
   * Applies one update to every parameter with learning rate {@code lr}.
   *
   * @param scratch manager for temporaries (the step's child manager)
   */
  public final void step(List<TrainableParameter> parameters, double lr, NDManager scratch) {
    updates++;
    Scratch s = new Scratch(scratch);
    for (TrainableParameter p : parameters) {
      NDArray[] slots =
          state.computeIfAbsent(
              p.name(),
              k -> {
                NDArray[] out = new NDArray[slotCount()];
                for (int i = 0; i < out.length; i++) {
                  out[i] =
                      stateManager.zeros(
                          p.value().getShape(), p.value().getDataType(), p.value().getDevice());
                }
                return out;
              });
      update(p, (float) lr, updates, slots, s);
    }
  }

  /** Number of updates applied so far. */
  public long updates() {
    return updates;
  }

  /** Number of state arrays per parameter. */
  protected abstract int slotCount();

  /**
   * Updates {@code p.value()} in place.
   *
   * @param t the update number, from 1
   * @param slots this parameter's state arrays (zeros before the first update), updated in place
   */
  protected abstract void update(
      TrainableParameter p, float lr, long t, NDArray[] slots, Scratch s);

  /** Writes the update count and every state array. */
  public void save(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT);
    out.writeUTF(config.type().toString());
    out.writeLong(updates);
    out.writeInt(state.size());
    for (Map.Entry<String, NDArray[]> e : state.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().length);
      for (NDArray a : e.getValue()) {
        long[] dims = a.getShape().getShape();
        out.writeInt(dims.length);
        for (long d : dims) {
          out.writeLong(d);
        }
        float[] values = a.toFloatArray();
        out.writeInt(values.length);
        for (float v : values) {
          out.writeFloat(v);
        }
      }
    }
  }

  /**
   * Replaces the state with what {@link #save} wrote. Arrays are created on {@code device}'s
   * default placement of this optimizer's manager.
   */
  public void load(DataInputStream in) throws IOException {
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("unsupported optimizer state format " + format);
    }
    String type = in.readUTF();
    if (!type.equals(config.type().toString())) {
      throw new IOException(
          "optimizer state is for \"" + type + "\", this optimizer is \"" + config.type() + "\"");
    }
    long count = in.readLong();
    int entries = in.readInt();
    Map<String, NDArray[]> loaded = new TreeMap<>();
    for (int i = 0; i < entries; i++) {
      String name = in.readUTF();
      NDArray[] slots = new NDArray[in.readInt()];
      for (int j = 0; j < slots.length; j++) {
        long[] dims = new long[in.readInt()];
        for (int d = 0; d < dims.length; d++) {
          dims[d] = in.readLong();
        }
        float[] values = new float[in.readInt()];
        for (int v = 0; v < values.length; v++) {
          values[v] = in.readFloat();
        }
        slots[j] = stateManager.create(values, new Shape(dims)).toType(DataType.FLOAT32, false);
      }
      loaded.put(name, slots);
    }
    closeState();
    state.putAll(loaded);
    updates = count;
  }

  @Override
  public void close() {
    closeState();
    stateManager.close();
  }

  private void closeState() {
    for (NDArray[] slots : state.values()) {
      for (NDArray a : slots) {
        a.close();
      }
    }
    state.clear();
  }

  /** Attaches temporaries to the step's scratch manager, so none lands on a long-lived one. */
  protected static final class Scratch {
    private final NDManager manager;

    Scratch(NDManager manager) {
      this.manager = Objects.requireNonNull(manager, "manager");
    }

    /** Attaches {@code a} (a fresh result of an op on a parameter or state array) here. */
    public NDArray t(NDArray a) {
      a.attach(manager);
      return a;
    }

    /** {@code ||a||_2} as a double (reads the value to the host). */
    public double norm(NDArray a) {
      return Math.sqrt(t(t(a.square()).sum()).getFloat());
    }
  }
}
