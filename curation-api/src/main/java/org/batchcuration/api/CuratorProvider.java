package org.batchcuration.api;

import java.util.Optional;

/**
 * Provider of {@link BatchCurator} plugins ({@code curator} kind). List implementations in {@code
 * META-INF/services/org.batchcuration.api.CuratorProvider}.
 *
 * <p>Three cheap declarations look at the resolved config only, build nothing and must not fail.
 * Two let the runner warn, before any training, about runs that cannot do what their config says
 * ({@code validate} prints the warnings, {@code train} and {@code ablate} print them once): {@link
 * #firstActiveEpoch} and {@link #publishesPairScores}. The third, {@link #matchedAction}, lets a
 * {@code random} control curate the way its shadow does.
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

  /**
   * How a curator built from {@code config} treats the pairs it curates, for matched controls: a
   * {@code random} control whose {@code shadow} is this curator takes this action (its {@code
   * "action": "auto"}) and refuses a different one; empty (the default) when the curator has no
   * single action, and then such a control must name its action itself. The control's pool for
   * {@code select} and its rounds for {@code redraw} are the shadow curator's own at each step
   * ({@link BatchCurator#poolSize} and the redraws its {@link BatchCurator#preview} asks for), so
   * they need no declaration. Looks at the resolved config only, builds nothing, must not fail.
   */
  default Optional<CurationAction> matchedAction(C config) {
    return Optional.empty();
  }
}
