package org.batchcuration.api;

/**
 * What a curator does with the pairs it flags, one name each across every curator; in configs
 * {@code "drop"}, {@code "reweight"}, {@code "select"} or {@code "redraw"} (its {@link
 * #toString()}, see {@link ConfigValues}). A curator provider declares its curator's action with
 * {@link CuratorProvider#matchedAction}, so that a {@code random} control with that curator as its
 * shadow curates the same way.
 */
public enum CurationAction {
  /** The pairs leave the loss. */
  DROP,
  /** The pairs get a weight below 1. */
  REWEIGHT,
  /** The batch is chosen from a larger pool of candidates. */
  SELECT,
  /** The pairs' views are drawn again. */
  REDRAW,
  /**
   * The name {@code redraw} had in earlier versions: it binds so that configs can refuse it with a
   * message naming {@code redraw} ({@link #checked}), and is not listed among the allowed values.
   */
  @Deprecated
  REAUGMENT;

  /** The config name. */
  @Override
  public String toString() {
    return ConfigValues.name(this);
  }

  /**
   * {@code action} unless it is null ({@code field: is required}) or the old name {@code
   * reaugment}, refused naming {@code redraw}; for config records whose {@code action} is this enum
   * or one with the same names.
   *
   * @throws InvalidConfigException when {@code action} is null or {@code reaugment}
   */
  public static <A extends Enum<A>> A checked(String field, A action) {
    Checks.present(field, action);
    Checks.require(
        !"reaugment".equals(action.toString()),
        field,
        "\"reaugment\" was renamed to \"redraw\"; write \"" + field + "\": \"redraw\"");
    return action;
  }
}
