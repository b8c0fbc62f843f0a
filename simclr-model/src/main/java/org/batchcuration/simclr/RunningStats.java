package org.batchcuration.simclr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch-norm running means and variances of a model, saved before a forward pass that must not
 * move them (a preview, or a step whose loss turns out non-finite) and written back after it.
 * Engines differ in when they update these statistics (PyTorch in the forward pass, MXNet in the
 * backward pass), so the trainer restores them explicitly.
 */
final class RunningStats {
  private final List<NDArray> arrays = new ArrayList<>();

  RunningStats(List<Pair<String, Parameter>> parameters) {
    for (Pair<String, Parameter> p : parameters) {
      Parameter.Type type = p.getValue().getType();
      if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
        arrays.add(p.getValue().getArray());
      }
    }
  }

  /** Copies of the current statistics, attached to {@code step}. */
  List<NDArray> snapshot(NDManager step) {
    List<NDArray> copies = new ArrayList<>(arrays.size());
    for (NDArray a : arrays) {
      NDArray c = a.duplicate();
      c.attach(step);
      copies.add(c);
    }
    return copies;
  }

  /** Writes a {@link #snapshot} back into the model. */
  void restore(List<NDArray> snapshot) {
    for (int i = 0; i < arrays.size(); i++) {
      snapshot.get(i).copyTo(arrays.get(i));
    }
  }
}
