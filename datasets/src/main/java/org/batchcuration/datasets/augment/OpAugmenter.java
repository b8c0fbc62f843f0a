package org.batchcuration.datasets.augment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  /**
   * The region of the source image that the view made with {@code seed} shows, when it can be told
   * without running the ops: the first op's crop when that is a {@link RandomResizedCrop}, the
   * whole image when no op crops; empty when a crop follows other ops (their draws and geometry
   * would have to be replayed).
   */
  public Optional<CropBox> cropBox(ImageShape inputShape, long seed) {
    if (!ops.isEmpty() && ops.get(0) instanceof RandomResizedCrop first) {
      return Optional.of(first.draw(inputShape.height(), inputShape.width(), new ViewRng(seed)));
    }
    for (ImageOp op : ops) {
      if (op instanceof RandomResizedCrop) {
        return Optional.empty();
      }
    }
    return Optional.of(CropBox.whole(inputShape.height(), inputShape.width()));
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
