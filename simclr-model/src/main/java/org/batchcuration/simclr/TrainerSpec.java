package org.batchcuration.simclr;

import ai.djl.Device;
import java.util.List;
import java.util.Objects;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.Checks;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.Encoder;

/**
 * Everything a {@link SimClrTrainer} needs. With several devices the batch is split across them
 * (see {@link SimClrTrainer}); the first device holds the parameters and computes the loss.
 *
 * @param encoder the encoder {@code f} (its block uninitialised)
 * @param head projection head {@code g}
 * @param loss the contrastive loss
 * @param curator the batch curator
 * @param optimizer optimizer settings
 * @param schedule learning-rate schedule
 * @param devices devices to train on, at least one, no duplicates
 * @param seed parameter-initialisation seed
 * @param batchSize source images per step (the training batch after curation)
 * @param stepsPerEpoch steps per epoch (for the schedule)
 * @param epochs planned epochs (for the schedule)
 */
public record TrainerSpec(
    Encoder encoder,
    HeadConfig head,
    ContrastiveLoss loss,
    BatchCurator curator,
    OptimizerConfig optimizer,
    ScheduleConfig schedule,
    List<Device> devices,
    long seed,
    int batchSize,
    int stepsPerEpoch,
    int epochs) {
  public TrainerSpec {
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(curator, "curator");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(schedule, "schedule");
    devices = List.copyOf(Objects.requireNonNull(devices, "devices"));
    Checks.require(!devices.isEmpty(), "devices", "must name at least one device");
    Checks.require(
        devices.stream().distinct().count() == devices.size(),
        "devices",
        "must not repeat a device, was " + devices);
    Checks.atLeast("batchSize", batchSize, 2);
    Checks.require(
        batchSize >= devices.size(),
        "batchSize",
        "must be at least the number of devices (" + devices.size() + "), was " + batchSize);
    Checks.atLeast("stepsPerEpoch", stepsPerEpoch, 1);
    Checks.atLeast("epochs", epochs, 0);
  }
}
