package org.batchcuration.api;

/**
 * Provider of {@link BatchCurator} plugins ({@code curator} kind). List implementations in {@code
 * META-INF/services/org.batchcuration.api.CuratorProvider}.
 *
 * <p>Two cheap declarations let the runner warn, before any training, about runs that cannot do
 * what their config says ({@code validate} prints the warnings, {@code train} and {@code ablate}
 * print them once): {@link #firstActiveEpoch} and {@link #publishesPairScores}. Both look at the
 * resolved config only, build nothing and must not fail.
 *
 * @param <C> the config record
 */
public interface CuratorProvider<C extends Record> extends PluginProvider<C, BatchCurator> {
  /**
   * The first epoch (0-based) in which a curator built from {@code config} may change a batch: its
   * warm-up, for curators that train plain SimCLR first. The runner warns when it is at least the
   * run's {@code train.epochs} (the curator could never act). 0 by default: active from the start.
   */
  default int firstActiveEpoch(C config) {
    return 0;
  }

  /**
   * Whether a curator built from {@code config} publishes {@link CurationDecision#pairScores()}
   * once active. The runner warns when the corruption testbed is on and the curator publishes none:
   * the testbed's AUROC would be empty. False by default.
   */
  default boolean publishesPairScores(C config) {
    return false;
  }
}
