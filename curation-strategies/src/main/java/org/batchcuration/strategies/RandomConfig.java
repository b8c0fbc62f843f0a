package org.batchcuration.strategies;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.Selection;

/**
 * Config of the {@code random} control curator ({@link RandomCurator}).
 *
 * @param fraction share of pairs curated per step when there is no shadow
 * @param action {@code "auto"} (the default: the shadow's action, {@code "drop"} without a shadow),
 *     {@code "drop"}, {@code "reweight"}, {@code "select"} (from a pool) or {@code "redraw"} (views
 *     drawn again). With a shadow, an action other than the shadow's is refused: a control that
 *     treats pairs differently from its shadow controls nothing
 * @param shadow empty, or a nested curator config ({@code {"type": "batch-curation", ...}}): then
 *     each step curates as many pairs as that curator would on the same batch, but random ones
 * @param weight {@code reweight} without a shadow: the weight given to a curated pair (with a
 *     shadow, the chosen pairs get the shadow's own weights, randomly permuted)
 * @param poolFactor {@code select}: pool = poolFactor x B (the shadow's pool size when there is
 *     one)
 * @param maxRedraws {@code redraw} without a shadow: redraw rounds per step (with a shadow, as many
 *     rounds as the shadow asks for)
 * @param warmupEpochs epochs of plain SimCLR before curation starts
 * @param maxCuratedFraction at most this fraction of a batch's pairs is curated per step
 */
public record RandomConfig(
    double fraction,
    Action action,
    Map<String, Object> shadow,
    double weight,
    double poolFactor,
    int maxRedraws,
    int warmupEpochs,
    double maxCuratedFraction) {

  public RandomConfig {
    Checks.fraction("fraction", fraction);
    CurationAction.checked("action", action);
    Objects.requireNonNull(shadow, "shadow");
    shadow = Collections.unmodifiableMap(new LinkedHashMap<>(shadow));
    if (!shadow.isEmpty()) {
      Checks.require(
          shadow.get("type") instanceof String, "shadow.type", "is required (a curator name)");
      Checks.require(
          !"random".equals(shadow.get("type")), "shadow.type", "cannot be \"random\" itself");
      Checks.require(
          !"oracle".equals(shadow.get("type")),
          "shadow.type",
          "cannot be \"oracle\": only the trainer hands the testbed's ground truth, to the"
              + " top-level curator");
      Object own = shadow.get("action");
      String s = own instanceof String || own instanceof Enum<?> ? own.toString() : null;
      if (s != null && action != Action.AUTO && !action.toString().equals(s)) {
        throw contradiction(action.toString(), s);
      }
    }
    Checks.inRange("weight", weight, 0.0, 1.0);
    Checks.inRange("poolFactor", poolFactor, 1.0, 16.0);
    Checks.inRange("maxRedraws", maxRedraws, 0, Selection.MAX_PREVIEWS - 1);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  /** The error for a control whose explicit {@code action} differs from its shadow's. */
  static InvalidConfigException contradiction(String action, String shadowAction) {
    return new InvalidConfigException(
        "action",
        "\""
            + action
            + "\" contradicts the shadow's action \""
            + shadowAction
            + "\"; a control must curate the way its shadow does: leave \"action\" out"
            + " (\"auto\" takes the shadow's)");
  }

  public static RandomConfig defaults() {
    return new RandomConfig(0.1, Action.AUTO, Map.of(), 0.5, 2.0, 1, 1, 1.0);
  }

  /**
   * A control's {@code action}: {@code "auto"} (the shadow's) or one of {@link CurationAction}'s
   * names ({@code "reaugment"} binds only to be refused naming {@code "redraw"}).
   */
  public enum Action {
    AUTO,
    DROP,
    REWEIGHT,
    SELECT,
    REDRAW,
    /** The old name of {@link #REDRAW}, refused (see {@link CurationAction#REAUGMENT}). */
    @Deprecated
    REAUGMENT;

    /** The config name. */
    @Override
    public String toString() {
      return ConfigValues.name(this);
    }

    /** The action of a control without a shadow: this one, {@code auto} meaning drop. */
    public CurationAction withoutShadow() {
      return this == AUTO ? CurationAction.DROP : CurationAction.valueOf(name());
    }
  }
}
