package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CodeOrigin;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.junit.jupiter.api.Test;

class PluginBlameTest {
  static final class ExplodingCurator implements BatchCurator {
    @Override
    public CurationDecision decide(CurationBatch batch) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void namesThePluginClassAndItsJar() {
    ExplodingCurator curator = new ExplodingCurator();
    PluginBlame blame = new PluginBlame(Map.of("curator", curator));
    RuntimeException thrown;
    try {
      curator.decide(null);
      throw new AssertionError("unreachable");
    } catch (IllegalStateException e) {
      thrown = new RuntimeException("wrapped by the pipeline", e);
    }
    RuntimeException explained = blame.explain(thrown, "in the step at epoch 0, step 3");
    CodeOrigin origin = CodeOrigin.of(ExplodingCurator.class);
    assertThat(explained)
        .isInstanceOf(PluginFailureException.class)
        .hasCause(thrown)
        .hasMessage(
            "curator plugin "
                + ExplodingCurator.class.getName()
                + " (from "
                + origin.location()
                + ", "
                + origin.artifact()
                + ":"
                + origin.version()
                + ") failed in the step at epoch 0, step 3: "
                + thrown);
  }

  @Test
  void leavesOtherErrorsAlone() {
    PluginBlame blame = new PluginBlame(Map.of("curator", new ExplodingCurator()));
    IllegalArgumentException e = new IllegalArgumentException("x");
    assertThat(blame.explain(e, "here")).isSameAs(e);
  }
}
