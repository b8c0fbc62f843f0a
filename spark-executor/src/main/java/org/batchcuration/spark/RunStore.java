package org.batchcuration.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.FolderLock;
import org.batchcuration.runfolder.RunFiles;

/**
 * Run folders kept on any Hadoop-compatible file system ({@code hdfs://}, {@code s3a://}, {@code
 * abfs://}, {@code gs://}, {@code file://}, as the cluster's Hadoop class path provides them), for
 * clusters whose nodes share no POSIX folder. A task trains in a local scratch folder and mirrors
 * it here: every checkpoint is uploaded when written (so a retried task on another node resumes
 * from it) and {@code result.json} is uploaded last, when the run completed, so a store folder
 * counts as a result only when the whole run is there. Every file is written under a temporary name
 * and renamed into place, so a reader sees a whole file or none (on object stores whose rename is a
 * copy, a torn checkpoint is still caught by its checksum). Serializable (it travels to the
 * executors with the driver's Hadoop configuration); thread-safe.
 */
final class RunStore implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The prefix of files being uploaded; never read as part of a run. */
  static final String UPLOADING = "_uploading.";

  private static final String RESULT = RunFiles.RESULT;
  private static final long SMALL_FILE = 1 << 20;

  private final String root;
  private final Map<String, String> hadoopConf;

  /**
   * A store under {@code root}, an absolute URI with a scheme.
   *
   * @param hadoopConf the Hadoop configuration the file system is opened with (the driver's,
   *     including {@code spark.hadoop.*} properties)
   * @throws IllegalArgumentException when {@code root} is not an absolute URI
   */
  RunStore(String root, Map<String, String> hadoopConf) {
    URI u;
    try {
      u = new URI(Objects.requireNonNull(root, "root"));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a URI: " + e.getMessage(), e);
    }
    if (u.getScheme() == null || u.getPath() == null || !u.getPath().startsWith("/")) {
      throw new IllegalArgumentException(
          "must be an absolute URI with a scheme (hdfs://namenode/path, s3a://bucket/path,"
              + " file:///path), was "
              + root);
    }
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.hadoopConf = new TreeMap<>(hadoopConf);
  }

  /** The Hadoop configuration {@code conf} as plain properties, to ship with a store. */
  static Map<String, String> properties(Configuration conf) {
    Map<String, String> m = new HashMap<>();
    for (Map.Entry<String, String> e : conf) {
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  /** Whether {@code rel}, a path inside a run folder, is a checkpoint file or pointer. */
  static boolean isCheckpoint(String rel) {
    return rel.startsWith("checkpoints/");
  }

  /** The URI of run folder {@code key} ({@code cell/seed-N}). */
  String uri(String key) {
    return root + "/" + key;
  }

  /**
   * Opens the store's file system and creates its root folder.
   *
   * @throws UncheckedIOException naming the URI when the file system is unknown or unreachable
   */
  void open() {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(root);
      fs(p).mkdirs(p);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the run store " + root + ": " + e.getMessage(), e);
    }
  }

  /** The text of run {@code key}'s {@code result.json} if it records a completed run. */
  Optional<String> completedResult(String key) {
    org.apache.hadoop.fs.Path f = new org.apache.hadoop.fs.Path(uri(key) + "/" + RESULT);
    try {
      FileSystem fs = fs(f);
      if (!fs.exists(f) || !fs.getFileStatus(f).isFile()) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(f)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return RunFiles.isCompleted(text) ? Optional.of(text) : Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Copies run folder {@code key} into {@code local} (files that {@code skip} accepts by their
   * relative path are left out; {@code result.json} is copied last); files there already are
   * replaced.
   *
   * @return how many files were copied (0 when the store has no such run)
   */
  int download(String key, Path local, Predicate<String> skip) {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(uri(key));
    try {
      FileSystem fs = fs(dir);
      if (!fs.exists(dir)) {
        return 0;
      }
      String base = fs.makeQualified(dir).toUri().getPath();
      List<FileStatus> files = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        files.add(it.next());
      }
      files.sort((a, b) -> Boolean.compare(isResult(base, a), isResult(base, b)));
      int n = 0;
      for (FileStatus s : files) {
        String rel = relative(base, s);
        String name = s.getPath().getName();
        if (isScratch(name) || skip.test(rel)) {
          continue;
        }
        try (InputStream in = fs.open(s.getPath())) {
          AtomicWrite.write(local.resolve(rel), in::transferTo);
        }
        n++;
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read run folder " + uri(key) + " from the run store: " + e.getMessage(), e);
    }
  }

  /**
   * Files that are never part of a run's record: uploads under way, the writer's lock file (never
   * opened by the process that holds it) and the local writers' temp files.
   */
  private static boolean isScratch(String name) {
    return name.startsWith(UPLOADING) || name.equals(FolderLock.FILE) || RunFiles.isTemp(name);
  }

  private static boolean isResult(String base, FileStatus s) {
    return relative(base, s).equals(RESULT);
  }

  private static String relative(String base, FileStatus s) {
    String p = s.getPath().toUri().getPath();
    return p.substring(base.length() + 1);
  }

  private FileSystem fs(org.apache.hadoop.fs.Path p) throws IOException {
    Configuration c = new Configuration(false);
    hadoopConf.forEach(c::set);
    return p.getFileSystem(c);
  }

  /**
   * Mirrors one local run folder into run folder {@code key} of the store, uploading only what
   * changed since the last call. Not thread-safe; one per training run.
   */
  final class Upload {
    private final String key;
    private final Path local;
    private final Map<String, String> sent = new LinkedHashMap<>();

    Upload(String key, Path local) {
      this.key = Objects.requireNonNull(key, "key");
      this.local = Objects.requireNonNull(local, "local");
    }

    /**
     * Makes the store's run folder equal the local one: new and changed files are uploaded (each
     * under a temporary name, then renamed), then files gone locally (pruned checkpoints) are
     * deleted; {@code result.json} only when {@code withResult}, and after everything else.
     */
    void sync(boolean withResult) {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(uri(key));
      try {
        FileSystem fs = fs(dir);
        List<String> now = new ArrayList<>();
        try (Stream<Path> s = Files.walk(local)) {
          s.filter(Files::isRegularFile)
              .map(p -> local.relativize(p).toString().replace('\\', '/'))
              .filter(rel -> !rel.equals(RESULT))
              .filter(rel -> !isScratch(rel.substring(rel.lastIndexOf('/') + 1)))
              .sorted(RunStore::checkpointPointerLast)
              .forEach(now::add);
        }
        for (String rel : now) {
          upload(fs, dir, rel);
        }
        for (String rel : new ArrayList<>(sent.keySet())) {
          if (!now.contains(rel) && !rel.equals(RESULT)) {
            fs.delete(new org.apache.hadoop.fs.Path(dir, rel), false);
            sent.remove(rel);
          }
        }
        if (withResult) {
          upload(fs, dir, RESULT);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write run folder " + uri(key) + " to the run store: " + e.getMessage(), e);
      }
    }

    private void upload(FileSystem fs, org.apache.hadoop.fs.Path dir, String rel)
        throws IOException {
      Path file = local.resolve(rel);
      String stamp = stamp(file);
      if (stamp.equals(sent.get(rel))) {
        return;
      }
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, rel);
      org.apache.hadoop.fs.Path tmp =
          new org.apache.hadoop.fs.Path(target.getParent(), UPLOADING + target.getName());
      fs.mkdirs(target.getParent());
      try (OutputStream out = fs.create(tmp, true);
          InputStream in = Files.newInputStream(file)) {
        in.transferTo(out);
        if (out instanceof FSDataOutputStream d) {
          d.hsync();
        }
      }
      if (fs.exists(target)) {
        fs.delete(target, false);
      }
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
      sent.put(rel, stamp);
    }
  }

  /**
   * What identifies a version of {@code file}: size and modification time, and for small files
   * (pointers, metrics) also a CRC-32 of the content, since they may be rewritten within the
   * clock's resolution.
   */
  private static String stamp(Path file) throws IOException {
    long size = Files.size(file);
    String s = size + "@" + Files.getLastModifiedTime(file).toMillis();
    if (size < SMALL_FILE) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(Files.readAllBytes(file));
      s += "@" + crc.getValue();
    }
    return s;
  }

  /** Checkpoint files before the {@code latest} pointer that names them; otherwise by name. */
  private static int checkpointPointerLast(String a, String b) {
    boolean pa = a.endsWith("/latest");
    boolean pb = b.endsWith("/latest");
    return pa != pb ? Boolean.compare(pa, pb) : a.compareTo(b);
  }
}
