package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.runfolder.NoRunException;
import org.batchcuration.runfolder.RunExistsException;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunFolderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingFolderTest {
  @TempDir Path dir;

  private TrainingFolder withRun(String config) throws Exception {
    TrainingFolder f = new TrainingFolder(dir.resolve("run"));
    f.prepare(RunMode.FRESH, config);
    Files.writeString(f.file(RunFiles.CONFIG), config);
    return f;
  }

  @Test
  void freshRefusesAFolderThatHoldsARun() throws Exception {
    TrainingFolder f = withRun("{\"seed\":1}");
    assertThatThrownBy(() -> f.prepare(RunMode.FRESH, "{\"seed\":1}"))
        .isInstanceOf(RunExistsException.class)
        .hasMessage(
            f.dir()
                + " already holds a run (config.resolved.json exists); nothing was changed:"
                + " continue it with --resume "
                + f.dir()
                + ", choose another folder with --out DIR, or replace it with --overwrite");
  }

  @Test
  void resumeNeedsARun() {
    TrainingFolder f = new TrainingFolder(dir.resolve("empty"));
    assertThatThrownBy(() -> f.prepare(RunMode.RESUME, "{}"))
        .isInstanceOf(NoRunException.class)
        .hasMessage(
            f.dir()
                + " holds no run to resume (config.resolved.json is missing); start a fresh run"
                + " with train CONFIG --out "
                + f.dir());
  }

  @Test
  void resumeNeedsTheSameConfigAndNamesTheFirstDifference() throws Exception {
    TrainingFolder f = withRun("{\"seed\":1,\"train\":{\"epochs\":2,\"batchSize\":8}}");
    assertThatThrownBy(
            () ->
                f.prepare(RunMode.RESUME, "{\"seed\":1,\"train\":{\"epochs\":3,\"batchSize\":8}}"))
        .isInstanceOf(RunFolderException.class)
        .hasMessage(
            "cannot resume "
                + f.dir()
                + ": its config.resolved.json differs from this run's config at $.train.epochs: 2"
                + " vs 3 (saved vs now); resume with the same config or start a fresh run");
    // formatting does not matter, values do
    assertThat(
            f.prepare(
                RunMode.RESUME, "{ \"train\" : {\"batchSize\":8, \"epochs\":2}, \"seed\":1 }"))
        .isEmpty();
  }

  @Test
  void overwriteDeletesRunFilesOnly() throws Exception {
    TrainingFolder f = withRun("{}");
    Files.writeString(f.file(RunFiles.METRICS), "x\n");
    Files.createDirectories(f.file("plots"));
    Files.writeString(f.file("notes.txt"), "mine");
    f.prepare(RunMode.OVERWRITE, "{}");
    assertThat(f.file(RunFiles.CONFIG)).doesNotExist();
    assertThat(f.file(RunFiles.METRICS)).doesNotExist();
    assertThat(f.file("plots")).doesNotExist();
    assertThat(f.file("notes.txt")).hasContent("mine");
    assertThat(f.file(RunFiles.CHECKPOINTS)).isDirectory();
  }

  @Test
  void aFileIsNotARunFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "");
    assertThatThrownBy(() -> new TrainingFolder(file).prepare(RunMode.FRESH, "{}"))
        .isInstanceOf(org.batchcuration.runfolder.WrongFolderKindException.class)
        .hasMessage(file + " is a file, not a run folder; choose a folder with --out DIR");
  }
}
