package org.batchcuration.datasets.augment;

import java.util.List;
import java.util.Objects;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageShape;

/**
 * An {@link Augmenter} that runs a list of {@link ImageOp}s over float planes: bytes are scaled to
 * [0, 1] (value / 255), each op draws from one {@link ViewRng} seeded with the view's seed, in list
 * order. Thread-safe (each thread has its own {@link Workspace}); a view depends only on the pixels
 * and the seed, never on the thread.
 */
public final class OpAugmenter implements Augmenter {
  private final List<ImageOp> ops;
  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

  public OpAugmenter(List<ImageOp> ops) {
    this.ops = List.copyOf(Objects.requireNonNull(ops, "ops"));
  }

  public List<ImageOp> ops() {
    return ops;
  }

  @Override
  public ImageShape outputShape(ImageShape input) {
    ImageShape s = Objects.requireNonNull(input, "input");
    for (ImageOp op : ops) {
      s = op.outputShape(s);
    }
    return s;
  }

  @Override
  public void augment(
      byte[] source,
      int sourceOffset,
      ImageShape inputShape,
      float[] target,
      int targetOffset,
      long seed) {
    Workspace ws = workspaces.get();
    ws.load(source, sourceOffset, inputShape.channels(), inputShape.height(), inputShape.width());
    ViewRng rng = new ViewRng(seed);
    for (ImageOp op : ops) {
      op.apply(ws, rng);
    }
    System.arraycopy(ws.cur, 0, target, targetOffset, ws.c * ws.h * ws.w);
  }

  @Override
  public void evaluate(
      byte[] source, int sourceOffset, ImageShape inputShape, float[] target, int targetOffset) {
    Workspace ws = workspaces.get();
    ws.load(source, sourceOffset, inputShape.channels(), inputShape.height(), inputShape.width());
    for (ImageOp op : ops) {
      op.evaluate(ws);
    }
    System.arraycopy(ws.cur, 0, target, targetOffset, ws.c * ws.h * ws.w);
  }
}
