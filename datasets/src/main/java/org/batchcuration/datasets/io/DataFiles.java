package org.batchcuration.datasets.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.batchcuration.api.DataException;

/** File helpers for the loaders: existence checks with clear messages, hashing streams. */
public final class DataFiles {
  private DataFiles() {}

  /** {@code file} if it is a readable regular file, else a {@link DataException} naming it. */
  public static Path requireFile(Path file, String hint) {
    if (!Files.isRegularFile(file)) {
      throw new DataException(file + ": file not found (" + hint + ")");
    }
    if (!Files.isReadable(file)) {
      throw new DataException(file + ": file is not readable");
    }
    return file;
  }

  public static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read size: " + e.getMessage(), e);
    }
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** A buffered stream over {@code file} that also feeds {@code digest}. */
  public static InputStream openHashed(Path file, MessageDigest digest) {
    try {
      return new DigestInputStream(
          new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
    } catch (IOException e) {
      throw new DataException(file + ": cannot open: " + e.getMessage(), e);
    }
  }

  /** Reads the rest of {@code in} (so that a digest covers the whole file). */
  public static void drain(InputStream in, Path file) {
    byte[] buf = new byte[1 << 16];
    try {
      while (in.read(buf) >= 0) {
        // the digest stream hashes what passes
      }
    } catch (IOException e) {
      throw new DataException(file + ": read failed: " + e.getMessage(), e);
    }
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
