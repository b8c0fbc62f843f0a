package org.batchcuration.simclr;

import ai.djl.Device;
import java.util.List;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.StepInfo;
import org.batchcuration.simclr.encoder.SmallCnnConfig;
import org.batchcuration.simclr.encoder.SmallCnnEncoderProvider;
import org.batchcuration.simclr.loss.NtXentLoss;

/** Builds tiny trainers for tests. */
final class TrainerFixture {
  private TrainerFixture() {}

  static TrainerSpec spec(
      ImageShape shape,
      List<Integer> widths,
      int batch,
      BatchCurator curator,
      ContrastiveLoss loss,
      OptimizerConfig opt,
      List<Device> devices) {
    PluginContext ctx = PluginContext.of(7, batch, 1).withInputShape(shape);
    return new TrainerSpec(
        new SmallCnnEncoderProvider().create(new SmallCnnConfig(widths), ctx),
        new HeadConfig(32, 16, true),
        loss,
        curator,
        opt,
        new ScheduleConfig(ScheduleConfig.Type.CONSTANT, 0, 0),
        devices,
        42,
        batch,
        100,
        10);
  }

  static TrainerSpec tiny(ImageShape shape, int batch, BatchCurator curator) {
    return spec(
        shape,
        List.of(8, 16),
        batch,
        curator,
        new NtXentLoss(0.5),
        OptimizerConfig.defaults(),
        List.of(Device.cpu()));
  }

  static StepInfo info(long step) {
    return new StepInfo(0, step, (int) step, 100, 10);
  }
}
