package org.batchcuration.evaluation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchcuration.api.DataException;
import org.batchcuration.runfolder.AtomicWrite;

/**
 * NumPy {@code .npy} format version 1.0 files of little-endian {@code float32} ({@code '<f4'})
 * matrices and {@code int32} ({@code '<i4'}) vectors in C order, readable with {@code numpy.load}.
 * Writes go to a temporary file in the same folder, are forced to disk and renamed over the target,
 * so readers never see a partial file. Stateless and thread-safe.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int PREAMBLE = MAGIC.length + 4; // magic, version (2), header length (2)
  private static final Pattern HEADER =
      Pattern.compile(
          "\\{\\s*'descr'\\s*:\\s*'([^']*)'\\s*,\\s*'fortran_order'\\s*:\\s*(True|False)\\s*,"
              + "\\s*'shape'\\s*:\\s*\\(([0-9,\\s]*)\\)\\s*,?\\s*}\\s*");

  /** A parsed header: element type, shape and where the data starts. */
  public record Header(String descr, int[] shape, int dataOffset) {
    /** Product of the shape. */
    public long count() {
      long n = 1;
      for (int d : shape) {
        n *= d;
      }
      return n;
    }
  }

  private Npy() {}

  /** Writes a {@code rows x cols} float32 matrix (row-major {@code data}). */
  public static void writeFloat(Path file, float[] data, int rows, int cols) throws IOException {
    Objects.requireNonNull(data, "data");
    if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "data has " + data.length + " values, expected " + rows + " x " + cols);
    }
    ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asFloatBuffer().put(data);
    write(file, "<f4", "(" + rows + ", " + cols + ")", body);
  }

  /** Writes an int32 vector of shape {@code (n,)}. */
  public static void writeInt(Path file, int[] data) throws IOException {
    Objects.requireNonNull(data, "data");
    ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asIntBuffer().put(data);
    write(file, "<i4", "(" + data.length + ",)", body);
  }

  /** Reads a float32 file of any shape, values in C order. */
  public static float[] readFloat(Path file) throws IOException {
    ByteBuffer body = readBody(file, "<f4");
    float[] out = new float[body.remaining() / 4];
    body.asFloatBuffer().get(out);
    return out;
  }

  /** Reads an int32 file of any shape, values in C order. */
  public static int[] readInt(Path file) throws IOException {
    ByteBuffer body = readBody(file, "<i4");
    int[] out = new int[body.remaining() / 4];
    body.asIntBuffer().get(out);
    return out;
  }

  /** Reads and checks the header of {@code file}; throws {@link DataException} if malformed. */
  public static Header header(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer pre = ByteBuffer.allocate(PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, pre, file, 0);
      byte[] magic = Arrays.copyOf(pre.array(), MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new DataException(file + ": byte 0: not a .npy file (bad magic)");
      }
      int major = pre.get(6) & 0xff;
      if (major != 1) {
        throw new DataException(
            file + ": byte 6: unsupported .npy version " + major + " (only 1.0 is read)");
      }
      int headerLength = pre.getShort(8) & 0xffff;
      ByteBuffer text = ByteBuffer.allocate(headerLength);
      readFully(ch, text, file, PREAMBLE);
      String dict = new String(text.array(), StandardCharsets.ISO_8859_1);
      Matcher m = HEADER.matcher(dict);
      if (!m.matches()) {
        throw new DataException(file + ": byte " + PREAMBLE + ": malformed header " + dict.trim());
      }
      if (m.group(2).equals("True")) {
        throw new DataException(file + ": byte " + PREAMBLE + ": Fortran order is not supported");
      }
      int[] shape =
          Arrays.stream(m.group(3).split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .mapToInt(s -> parseDimension(s, file))
              .toArray();
      return new Header(m.group(1), shape, PREAMBLE + headerLength);
    }
  }

  private static int parseDimension(String s, Path file) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new DataException(file + ": byte " + PREAMBLE + ": dimension too large: " + s, e);
    }
  }

  private static ByteBuffer readBody(Path file, String descr) throws IOException {
    Header h = header(file);
    if (!h.descr().equals(descr)) {
      throw new DataException(
          file + ": byte " + PREAMBLE + ": dtype is '" + h.descr() + "', expected '" + descr + "'");
    }
    long bytes = h.count() * 4;
    long size = Files.size(file);
    if (size != h.dataOffset() + bytes) {
      throw new DataException(
          file
              + ": byte "
              + h.dataOffset()
              + ": expected "
              + bytes
              + " data bytes for shape "
              + Arrays.toString(h.shape())
              + ", file has "
              + (size - h.dataOffset()));
    }
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new DataException(file + ": byte " + h.dataOffset() + ": array too large to read");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer body = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, body, file, h.dataOffset());
      return body;
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, Path file, long position)
      throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int read = ch.read(buf, pos);
      if (read < 0) {
        throw new DataException(file + ": byte " + pos + ": unexpected end of file");
      }
      pos += read;
    }
    buf.clear(); // position 0, limit capacity: ready to read what was filled
  }

  private static void write(Path file, String descr, String shape, ByteBuffer body)
      throws IOException {
    Objects.requireNonNull(file, "file");
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int unpadded = PREAMBLE + dict.length() + 1; // + the terminating newline
    int padding = (64 - unpadded % 64) % 64;
    String headerText = dict + " ".repeat(padding) + "\n";
    ByteBuffer head = ByteBuffer.allocate(PREAMBLE + headerText.length());
    head.order(ByteOrder.LITTLE_ENDIAN);
    head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerText.length());
    head.put(headerText.getBytes(StandardCharsets.US_ASCII));
    head.flip();
    body.rewind();
    AtomicWrite.write(file, head, body);
  }
}
