package org.batchcuration.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.batchcuration.api.DataException;

/**
 * Reads fixed-size records from a stream while counting the byte offset, so that a short read
 * becomes a {@link DataException} naming the file, the byte offset and the record. Not thread-safe;
 * does not close the stream.
 */
public final class RecordInput {
  private final InputStream in;
  private final String name;
  private long offset;

  /**
   * @param in the stream, positioned at byte 0 of the (decompressed) file
   * @param name how messages name the file (a path, or {@code archive!entry})
   */
  public RecordInput(InputStream in, String name) {
    this.in = Objects.requireNonNull(in, "in");
    this.name = Objects.requireNonNull(name, "name");
  }

  public long offset() {
    return offset;
  }

  public String name() {
    return name;
  }

  /** Fills {@code buf[off, off+len)}; {@code what} names the record in the error message. */
  public void readFully(byte[] buf, int off, int len, String what) {
    int done = 0;
    try {
      while (done < len) {
        int r = in.read(buf, off + done, len - done);
        if (r < 0) {
          throw new DataException(
              name
                  + ": truncated at byte offset "
                  + (offset + done)
                  + " in "
                  + what
                  + " (expected "
                  + len
                  + " bytes from offset "
                  + offset
                  + ")");
        }
        done += r;
      }
    } catch (IOException e) {
      throw new DataException(
          name + ": read failed at byte offset " + (offset + done) + ": " + e.getMessage(), e);
    }
    offset += len;
  }

  /** Reads a big-endian 32-bit integer. */
  public int readIntBe(String what) {
    byte[] b = new byte[4];
    readFully(b, 0, 4, what);
    return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
  }

  /** A {@link DataException} for a problem at the current offset. */
  public DataException error(String problem) {
    return new DataException(name + ": " + problem);
  }
}
