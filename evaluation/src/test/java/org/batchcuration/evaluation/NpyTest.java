package org.batchcuration.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batchcuration.api.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir Path dir;

  @Test
  void floatMatrixRoundTripsWithA64BytePaddedHeader() throws IOException {
    float[] data = {1.5f, -2f, 3.25f, Float.MAX_VALUE, -0f, 1e-30f};
    Path file = dir.resolve("x.npy");
    Npy.writeFloat(file, data, 2, 3);
    Npy.Header h = Npy.header(file);
    assertThat(h.descr()).isEqualTo("<f4");
    assertThat(h.shape()).containsExactly(2, 3);
    assertThat(h.dataOffset() % 64).isZero();
    assertThat(Files.size(file)).isEqualTo(h.dataOffset() + 24L);
    assertThat(Npy.readFloat(file)).containsExactly(data);
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[h.dataOffset() - 1]).isEqualTo((byte) '\n');
    String header = new String(bytes, 10, h.dataOffset() - 10, StandardCharsets.US_ASCII);
    assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
  }

  @Test
  void intVectorRoundTripsAndLeavesNoTemporaryFiles() throws IOException {
    int[] data = {0, 9, -1, Integer.MAX_VALUE};
    Path file = dir.resolve("labels.npy");
    Npy.writeInt(file, data);
    Npy.writeInt(file, data); // overwrite
    assertThat(Npy.header(file).shape()).containsExactly(4);
    assertThat(Npy.readInt(file)).containsExactly(data);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("labels.npy");
    }
  }

  @Test
  void badFilesNameTheFileAndOffset() throws IOException {
    Path bad = dir.resolve("bad.npy");
    Files.write(bad, "not numpy at all".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Npy.readFloat(bad))
        .isInstanceOf(DataException.class)
        .hasMessage(bad + ": byte 0: not a .npy file (bad magic)");

    Path ints = dir.resolve("ints.npy");
    Npy.writeInt(ints, new int[] {1, 2});
    assertThatThrownBy(() -> Npy.readFloat(ints))
        .isInstanceOf(DataException.class)
        .hasMessage(ints + ": byte 10: dtype is '<i4', expected '<f4'");

    Path cut = dir.resolve("cut.npy");
    Npy.writeFloat(cut, new float[] {1, 2, 3, 4}, 2, 2);
    byte[] bytes = Files.readAllBytes(cut);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> Npy.readFloat(cut))
        .isInstanceOf(DataException.class)
        .hasMessage(cut + ": byte 128: expected 16 data bytes for shape [2, 2], file has 13");
  }

  @Test
  void numpyLoadsWhatWeWriteAndWeReadWhatNumpyWrites() throws Exception {
    assumeTrue(python("import numpy") == 0, "python3 with numpy is not installed");
    float[] data = new float[3 * 5];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) Math.sin(i) * 100;
    }
    Path x = dir.resolve("x.npy");
    Path y = dir.resolve("y.npy");
    Npy.writeFloat(x, data, 3, 5);
    Npy.writeInt(y, new int[] {4, -2, 7});
    Path fromNumpy = dir.resolve("from_numpy.npy");
    String script =
        String.join(
            ";",
            "import numpy as np",
            "x = np.load(r'" + x + "')",
            "y = np.load(r'" + y + "')",
            "assert x.dtype == np.float32 and x.shape == (3, 5), (x.dtype, x.shape)",
            "ref = (np.sin(np.arange(15, dtype=np.float64)).astype(np.float32) * 100)",
            "assert np.array_equal(x.ravel(), ref.astype(np.float32)), x",
            "assert y.dtype == np.int32 and y.tolist() == [4, -2, 7], y",
            "np.save(r'" + fromNumpy + "', (x * 2).astype('<f4'))");
    assertThat(python(script)).as("numpy check").isZero();
    float[] back = Npy.readFloat(fromNumpy);
    assertThat(Npy.header(fromNumpy).shape()).containsExactly(3, 5);
    for (int i = 0; i < data.length; i++) {
      assertThat(back[i]).isEqualTo(data[i] * 2);
    }
  }

  private static int python(String code) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) {
      return -1;
    }
    Process p =
        new ProcessBuilder(List.of(python.toString(), "-c", code))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    if (p.exitValue() != 0 && !code.equals("import numpy")) {
      System.err.println(out);
    }
    return p.exitValue();
  }
}
