package org.batchcuration.datasets.cifar;

import java.util.List;

/**
 * The layout of one of the official CIFAR binary versions: file names, where they sit, and the
 * record layout ({@code labelBytes} label bytes, then 3072 pixel bytes: 1024 red, 1024 green, 1024
 * blue, row-major 32x32, i.e. CHW already).
 *
 * @param labelIndex which of the label bytes is used (CIFAR-100: 0 = coarse, 1 = fine)
 * @param labelRanges number of classes of each label byte, for validation
 */
record CifarFormat(
    String name,
    String folder,
    String archive,
    List<String> trainFiles,
    List<String> testFiles,
    int labelBytes,
    int labelIndex,
    int[] labelRanges,
    List<String> classNames) {

  static final int PIXELS = 3 * 32 * 32;

  int recordSize() {
    return labelBytes + PIXELS;
  }

  int numClasses() {
    return labelRanges[labelIndex];
  }

  static CifarFormat cifar10() {
    return new CifarFormat(
        "cifar10",
        "cifar-10-batches-bin",
        "cifar-10-binary.tar.gz",
        List.of(
            "data_batch_1.bin",
            "data_batch_2.bin",
            "data_batch_3.bin",
            "data_batch_4.bin",
            "data_batch_5.bin"),
        List.of("test_batch.bin"),
        1,
        0,
        new int[] {10},
        List.of(
            "airplane",
            "automobile",
            "bird",
            "cat",
            "deer",
            "dog",
            "frog",
            "horse",
            "ship",
            "truck"));
  }

  static CifarFormat cifar100(boolean fine) {
    return new CifarFormat(
        "cifar100",
        "cifar-100-binary",
        "cifar-100-binary.tar.gz",
        List.of("train.bin"),
        List.of("test.bin"),
        2,
        fine ? 1 : 0,
        new int[] {20, 100},
        List.of());
  }
}
