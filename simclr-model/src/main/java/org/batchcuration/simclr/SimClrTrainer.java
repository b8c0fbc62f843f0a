package org.batchcuration.simclr;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.GroundTruthCurator;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.Selection;
import org.batchcuration.api.StepInfo;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.api.ViewSource;
import org.batchcuration.simclr.optim.ParameterOptimizer;
import org.batchcuration.simclr.optim.TrainableParameter;

/**
 * SimCLR training: encoder {@code f} + projection head {@code g}, the curator's preview loop, the
 * loss and the optimizer.
 *
 * <p>A step puts both views of the batch through the network in one forward pass ({@code 2B}
 * images, view 1 first). With several devices the batch's images are split into contiguous slices,
 * each slice (both its views) runs on its device with copies of the parameters, and the projections
 * are gathered on the first device, so every anchor's negatives span the whole batch; gradients of
 * the copies are summed into the parameters on the first device. Batch-norm statistics are per
 * slice, and running statistics follow the first device's slice.
 *
 * <p>Ownership: parameters and optimizer state live in the trainer's manager, closed by {@link
 * #close()}; every NDArray of a step lives in a child manager closed at the end of the step.
 * Determinism: with the same spec, seed, engine and CPU, the same inputs give the same losses. Not
 * thread-safe: call from one thread.
 */
public final class SimClrTrainer implements AutoCloseable {
  private static final int STATE_FORMAT = 1;

  private final TrainerSpec spec;
  private final Device primary;
  private final NDManager manager;
  private final SequentialBlock network;
  private final Block encoder;
  private final Block head;
  private final List<Pair<String, Parameter>> parameters;
  private final ParameterOptimizer optimizer;
  private final ImageShape shape;
  private final RunningStats runningStats;

  /**
   * Builds encoder + head on the first device and initialises the parameters from the seed. The
   * spec's encoder block must be fresh (uninitialised): a trainer owns it until closed.
   */
  public SimClrTrainer(TrainerSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.primary = spec.devices().get(0);
    this.shape = spec.encoder().inputShape();
    this.manager = NDManager.newBaseManager(primary);
    this.encoder = spec.encoder().block();
    this.head = ProjectionHead.build(spec.head());
    this.network = new SequentialBlock().add(encoder).add(head);
    if (encoder.isInitialized()) {
      manager.close();
      throw new IllegalArgumentException(
          "the encoder's block is already initialised: create a new Encoder for each trainer");
    }
    manager.getEngine().setRandomSeed((int) (spec.seed() ^ (spec.seed() >>> 32)));
    network.initialize(
        manager, DataType.FLOAT32, new Shape(2, shape.channels(), shape.height(), shape.width()));
    this.parameters = new ArrayList<>();
    for (Pair<String, Parameter> p : network.getParameters()) {
      parameters.add(p);
      if (p.getValue().requiresGradient()) {
        p.getValue().getArray().setRequiresGradient(true);
      }
    }
    this.optimizer = ParameterOptimizer.create(spec.optimizer(), manager);
    this.runningStats = new RunningStats(parameters);
  }

  /**
   * One optimisation step: preview loop, training forward of both views, {@code curator.decide} on
   * detached host matrices, loss, backward, update. A non-finite loss skips backward and update.
   *
   * @param candidates at least {@code batchSize} candidate pairs ({@code curator.poolSize})
   * @param views redraws views when the curator asks
   * @param info where training is
   */
  public StepResult step(ViewBatch candidates, ViewSource views, StepInfo info) {
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(views, "views");
    Objects.requireNonNull(info, "info");
    int b = spec.batchSize();
    if (candidates.size() < b) {
      throw new IllegalArgumentException(
          "need at least " + b + " candidates, got " + candidates.size());
    }
    requireShape(candidates.shape());
    long start = System.nanoTime();
    long curation = 0;
    // device work: the network's forward passes (previews included), the loss and backward
    long network = 0;
    long updateNanos = 0;
    ViewBatch batch = candidates;
    int previews = 0;
    int redrawn = 0;
    int attempt = 0;
    // treated[i]: the pair at position i of `batch` was swapped in from the pool or redrawn
    boolean[] treated = new boolean[candidates.size()];
    Optional<FirstLook> firstLook = Optional.empty();
    boolean preview = spec.curator().previews(info) || candidates.size() > b;
    while (preview && previews < Selection.MAX_PREVIEWS) {
      long t0 = System.nanoTime();
      Selection sel;
      try (NDManager step = manager.newSubManager()) {
        List<NDArray> saved = runningStats.snapshot(step);
        Forward look = forward(step, batch, info, attempt, false);
        network += look.networkNanos;
        CurationBatch seen = look.batch;
        runningStats.restore(saved);
        previews++;
        sel = spec.curator().preview(seen, b);
      }
      if (sel.keep().length != b) {
        throw new IllegalStateException(
            "curator kept " + sel.keep().length + " candidates, the batch size is " + b);
      }
      if (firstLook.isEmpty()) {
        firstLook = Optional.of(FirstLook.of(batch, sel, b));
      }
      boolean[] kept = new boolean[b];
      for (int i = 0; i < b; i++) {
        int k = sel.keep()[i];
        kept[i] = treated[k] || k >= b;
      }
      treated = kept;
      batch = batch.subset(sel.keep());
      preview = sel.wantsRedraw();
      if (preview) {
        attempt++;
        batch = views.redraw(batch, sel.redraw(), attempt);
        redrawn += sel.redraw().length;
        for (int r : sel.redraw()) {
          treated[r] = true;
        }
      }
      curation += System.nanoTime() - t0;
    }
    if (batch.size() != b) {
      batch = batch.subset(firstPositions(b));
      treated = java.util.Arrays.copyOf(treated, b);
    }
    double lr = learningRate(info);
    try (NDManager step = manager.newSubManager()) {
      Forward f;
      CurationDecision decision;
      double loss;
      boolean finite;
      List<NDArray> saved = runningStats.snapshot(step);
      try (GradientCollector gc = step.getEngine().newGradientCollector()) {
        f = forward(step, batch, info, attempt, true);
        network += f.networkNanos;
        long t0 = System.nanoTime();
        decision = decide(f.batch, batch);
        long t1 = System.nanoTime();
        curation += t1 - t0;
        NDArray lossArray = spec.loss().compute(f.z1, f.z2, decision);
        loss = lossArray.getFloat();
        finite = Double.isFinite(loss);
        if (finite) {
          gc.backward(lossArray);
        }
        network += System.nanoTime() - t1;
      }
      if (finite) {
        long t0 = System.nanoTime();
        update(step, f.store, lr);
        updateNanos = System.nanoTime() - t0;
      } else {
        runningStats.restore(saved);
      }
      long total = System.nanoTime() - start;
      return new StepResult(
          loss,
          lr,
          finite,
          decision,
          f.batch,
          previews,
          redrawn,
          candidates.size(),
          new StepTimes(network, total - network - updateNanos, updateNanos, curation),
          treated,
          batch.corrupted(),
          firstLook,
          batch.coverage());
    }
  }

  /**
   * The curator's decision on the training batch. The testbed's ground truth ({@code
   * views.corrupted()}) goes to a {@link GroundTruthCurator} only, the oracle's one deliberate path
   * to it (all false on a clean step); every other curator sees just the {@link CurationBatch}.
   */
  private CurationDecision decide(CurationBatch seen, ViewBatch views) {
    if (spec.curator() instanceof GroundTruthCurator oracle) {
      boolean[] truth =
          views.hasCorruption() ? views.corrupted().clone() : new boolean[views.size()];
      return oracle.decide(seen, truth);
    }
    return spec.curator().decide(seen);
  }

  /** Encoder representations {@code h} (eval mode, no gradients) of {@code n} images (CHW). */
  public float[] embed(float[] images, int n) {
    Objects.requireNonNull(images, "images");
    if (images.length != n * shape.size()) {
      throw new IllegalArgumentException(
          "images holds " + images.length + " values, expected " + n + " x " + shape);
    }
    try (NDManager step = manager.newSubManager()) {
      StepParameterStore ps = new StepParameterStore(step, primary, false);
      NDArray x =
          step.create(images, new Shape(n, shape.channels(), shape.height(), shape.width()));
      return encoder.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
    }
  }

  public int representationDim() {
    return spec.encoder().representationDim();
  }

  /** The rate the step at {@code info} uses: base rate times the schedule's factor. */
  public double learningRate(StepInfo info) {
    return spec.optimizer().lr() * spec.schedule().factor(info);
  }

  /** Writes parameters (with batch-norm running statistics), the optimizer state and step count. */
  public void saveState(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(STATE_FORMAT);
    data.writeInt(parameters.size());
    for (Pair<String, Parameter> p : parameters) {
      data.writeUTF(p.getKey());
      float[] values = p.getValue().getArray().toFloatArray();
      data.writeInt(values.length);
      for (float v : values) {
        data.writeFloat(v);
      }
    }
    optimizer.save(data);
    data.flush();
  }

  /** Restores what {@link #saveState} wrote, for a trainer built from the same spec. */
  public void loadState(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int format = data.readInt();
    if (format != STATE_FORMAT) {
      throw new IOException("unsupported trainer state format " + format);
    }
    int count = data.readInt();
    if (count != parameters.size()) {
      throw new IOException(
          "state holds " + count + " parameters, this model has " + parameters.size());
    }
    List<float[]> values = new ArrayList<>();
    for (Pair<String, Parameter> p : parameters) {
      String name = data.readUTF();
      if (!name.equals(p.getKey())) {
        throw new IOException("state has parameter " + name + " where the model has " + p.getKey());
      }
      float[] v = new float[data.readInt()];
      if (v.length != p.getValue().getArray().size()) {
        throw new IOException(
            "parameter "
                + name
                + " has "
                + v.length
                + " values, expected "
                + p.getValue().getArray().size());
      }
      for (int i = 0; i < v.length; i++) {
        v[i] = data.readFloat();
      }
      values.add(v);
    }
    optimizer.load(data);
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).getValue().getArray().set(values.get(i));
    }
  }

  /** Saves the encoder alone in DJL's format ({@code dir/name-0000.params}), for Criteria. */
  public void saveEncoderModel(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    // closing the model closes only its own manager; the encoder's parameters stay the trainer's
    try (Model model = Model.newInstance(name, primary)) {
      model.setBlock(encoder);
      model.setProperty("representationDim", Integer.toString(representationDim()));
      model.setProperty("inputShape", shape.toString());
      model.save(dir, name);
    }
  }

  /** Open NDArrays and managers under the trainer's manager, and the process's resident memory. */
  public NdArrayStats nativeStats() {
    return NativeStats.of(manager);
  }

  @Override
  public void close() {
    optimizer.close();
    manager.close();
  }

  private void update(NDManager step, StepParameterStore store, double lr) {
    List<TrainableParameter> trainable = new ArrayList<>();
    List<NDArray> gradients = new ArrayList<>();
    for (Pair<String, Parameter> p : parameters) {
      Parameter param = p.getValue();
      if (!param.requiresGradient()) {
        continue;
      }
      NDArray grad = param.getArray().getGradient();
      grad.attach(step);
      gradients.add(grad);
      NDArray total = grad;
      for (int d = 1; d < spec.devices().size(); d++) {
        Optional<NDArray> g = store.copyGradient(param, spec.devices().get(d));
        if (g.isPresent()) {
          NDArray onPrimary = g.get().toDevice(primary, false);
          onPrimary.attach(step);
          total = total.add(onPrimary);
        }
      }
      trainable.add(
          new TrainableParameter(
              p.getKey(), param.getType() == Parameter.Type.WEIGHT, param.getArray(), total));
    }
    optimizer.step(trainable, lr, step);
    // engines that accumulate gradients (PyTorch) need them cleared for the next step
    for (NDArray g : gradients) {
      g.subi(g);
    }
  }

  private Forward forward(
      NDManager step, ViewBatch batch, StepInfo info, int attempt, boolean training) {
    StepParameterStore store = new StepParameterStore(step, primary, training);
    List<Device> devices = spec.devices();
    int b = batch.size();
    int slices = Math.min(devices.size(), b);
    List<NDArray> z1 = new ArrayList<>();
    List<NDArray> z2 = new ArrayList<>();
    List<NDArray> h1 = new ArrayList<>();
    List<NDArray> h2 = new ArrayList<>();
    Optional<GradientCollector> previewMode = Optional.empty();
    long t0 = System.nanoTime();
    // building the views' arrays and copying them to the device: host work inside the loop
    long copyNanos = 0;
    try {
      if (!training) {
        // training-mode batch norm needs the engine's training flag; no backward follows
        previewMode = Optional.of(step.getEngine().newGradientCollector());
      }
      for (int k = 0; k < slices; k++) {
        int from = (int) ((long) b * k / slices);
        int to = (int) ((long) b * (k + 1) / slices);
        Device device = devices.get(k);
        NDManager dm = k == 0 ? step : step.newSubManager(device);
        long c0 = System.nanoTime();
        NDArray x = dm.create(sliceViews(batch, from, to), viewShape(2 * (to - from)));
        copyNanos += System.nanoTime() - c0;
        NDArray h = encoder.forward(store, new NDList(x), true).singletonOrThrow();
        NDArray z = head.forward(store, new NDList(h), true).singletonOrThrow();
        if (k > 0) {
          h = gather(step, h);
          z = gather(step, z);
        }
        NDList hs = h.split(2);
        NDList zs = z.split(2);
        h1.add(hs.get(0));
        h2.add(hs.get(1));
        z1.add(zs.get(0));
        z2.add(zs.get(1));
      }
    } finally {
      previewMode.ifPresent(GradientCollector::close);
    }
    NDArray hv1 = concat(h1);
    NDArray hv2 = concat(h2);
    NDArray zv1 = concat(z1);
    NDArray zv2 = concat(z2);
    // the projections' similarity is engine work on the step's device too; its copy back is not
    NDArray similarity = similarityOnDevice(zv1, zv2);
    long networkNanos = System.nanoTime() - t0 - copyNanos;
    int dh = Math.toIntExact(hv1.getShape().get(1));
    int dz = Math.toIntExact(zv1.getShape().get(1));
    CurationBatch seen =
        new CurationBatch(
            info,
            attempt,
            batch.indices(),
            Matrix.wrap(b, dh, hv1.toFloatArray()),
            Matrix.wrap(b, dh, hv2.toFloatArray()),
            Matrix.wrap(b, dz, zv1.toFloatArray()),
            Matrix.wrap(b, dz, zv2.toFloatArray()),
            batch.hasLabels() ? Optional.of(batch.labels()) : Optional.empty(),
            Optional.of(symmetricOnHost(similarity)));
    return new Forward(store, zv1, zv2, seen, networkNanos);
  }

  /**
   * The {@code 2B x 2B} cosine similarity of the projections, computed by the engine on their
   * device (detached from the gradient): rows L2-normalised (a row of norm {@code <= 1e-12} becomes
   * zeros, as {@link Matrix#normalizeRows()} does), times their transpose. Only the matrix comes
   * back to the host, made exactly symmetric from its upper triangle.
   */
  static Matrix projectionSimilarity(NDArray z1, NDArray z2) {
    return symmetricOnHost(similarityOnDevice(z1, z2));
  }

  /** The engine part of {@link #projectionSimilarity}: the matrix, on the projections' device. */
  private static NDArray similarityOnDevice(NDArray z1, NDArray z2) {
    NDArray z = z1.concat(z2, 0).stopGradient();
    NDArray norm = z.square().sum(new int[] {1}, true).sqrt();
    NDArray inverse = norm.gt(1e-12).toType(DataType.FLOAT32, false).div(norm.maximum(1e-12));
    NDArray unit = z.mul(inverse);
    return unit.matMul(unit.transpose());
  }

  /** The host part of {@link #projectionSimilarity}: the copy back, made exactly symmetric. */
  private static Matrix symmetricOnHost(NDArray sim) {
    int n = Math.toIntExact(sim.getShape().get(0));
    float[] s = sim.toFloatArray();
    Matrix.mirrorUpperTriangle(s, n);
    return Matrix.wrap(n, n, s);
  }

  private NDArray gather(NDManager step, NDArray a) {
    NDArray out = a.toDevice(primary, false);
    out.attach(step);
    return out;
  }

  private static NDArray concat(List<NDArray> parts) {
    return parts.size() == 1 ? parts.get(0) : ai.djl.ndarray.NDArrays.concat(new NDList(parts));
  }

  private float[] sliceViews(ViewBatch batch, int from, int to) {
    int sz = shape.size();
    int n = to - from;
    float[] out = new float[2 * n * sz];
    System.arraycopy(batch.view1(), from * sz, out, 0, n * sz);
    System.arraycopy(batch.view2(), from * sz, out, n * sz, n * sz);
    return out;
  }

  private Shape viewShape(int n) {
    return new Shape(n, shape.channels(), shape.height(), shape.width());
  }

  private void requireShape(ImageShape given) {
    if (!given.equals(shape)) {
      throw new IllegalArgumentException(
          "views are " + given + ", the encoder was built for " + shape);
    }
  }

  private static int[] firstPositions(int b) {
    int[] p = new int[b];
    for (int i = 0; i < b; i++) {
      p[i] = i;
    }
    return p;
  }

  private record Forward(
      StepParameterStore store, NDArray z1, NDArray z2, CurationBatch batch, long networkNanos) {}
}
