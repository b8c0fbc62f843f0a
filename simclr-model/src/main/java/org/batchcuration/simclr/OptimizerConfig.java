package org.batchcuration.simclr;

import org.batchcuration.api.Checks;
import org.batchcuration.simclr.optim.OptimizerSettings;
import org.batchcuration.simclr.optim.OptimizerType;

/**
 * The optimizer. {@code type} is one of {@code lars} (SimCLR's LARS: trust coefficient, momentum,
 * biases and batch-norm parameters excluded from adaptation and weight decay), {@code adam} (L2
 * weight decay added to the gradient), {@code adamw} (decoupled weight decay) or {@code sgd}
 * (momentum, L2 weight decay). Weight decay never applies to biases or batch-norm parameters.
 *
 * @param type the optimizer ({@code "lars"}, {@code "adam"}, {@code "adamw"} or {@code "sgd"})
 * @param lr base learning rate (the schedule scales it), > 0
 * @param weightDecay weight decay, >= 0
 * @param momentum momentum of {@code lars} and {@code sgd}, in [0, 1)
 * @param beta1 Adam's first-moment decay, in [0, 1)
 * @param beta2 Adam's second-moment decay, in [0, 1)
 * @param eps Adam's epsilon, > 0
 * @param trustCoefficient LARS trust coefficient (eta), > 0
 */
public record OptimizerConfig(
    OptimizerType type,
    double lr,
    double weightDecay,
    double momentum,
    double beta1,
    double beta2,
    double eps,
    double trustCoefficient)
    implements OptimizerSettings {

  public OptimizerConfig {
    Checks.present("type", type);
    Checks.positive("lr", lr);
    Checks.atLeast("weightDecay", weightDecay, 0.0);
    checkBelowOne("momentum", momentum);
    checkBelowOne("beta1", beta1);
    checkBelowOne("beta2", beta2);
    Checks.positive("eps", eps);
    Checks.positive("trustCoefficient", trustCoefficient);
  }

  /**
   * Adam with lr 1e-3, no weight decay, betas 0.9/0.999, eps 1e-8; momentum 0.9 and LARS eta 0.001.
   */
  public static OptimizerConfig defaults() {
    return new OptimizerConfig(OptimizerType.ADAM, 1e-3, 0.0, 0.9, 0.9, 0.999, 1e-8, 0.001);
  }

  /** SimCLR's LARS: lr 0.3 x batch / 256 is SimCLR's rule (here lr 0.3), weight decay 1e-6. */
  public static OptimizerConfig lars() {
    return new OptimizerConfig(OptimizerType.LARS, 0.3, 1e-6, 0.9, 0.9, 0.999, 1e-8, 0.001);
  }

  /** This config with another type. */
  public OptimizerConfig withType(OptimizerType newType) {
    return new OptimizerConfig(
        newType, lr, weightDecay, momentum, beta1, beta2, eps, trustCoefficient);
  }

  /** This config with another base learning rate. */
  public OptimizerConfig withLr(double newLr) {
    return new OptimizerConfig(
        type, newLr, weightDecay, momentum, beta1, beta2, eps, trustCoefficient);
  }

  private static void checkBelowOne(String field, double value) {
    Checks.require(value >= 0 && value < 1, field, "must be in [0, 1), was " + value);
  }
}
