package org.batchcuration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigValuesTest {
  enum Kind {
    TOP_K,
    THRESHOLD,
    /** An old name: binds, not listed. */
    @Deprecated
    OLD;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }

  @Test
  void namesAreLowerCaseWithDashesAndLeaveOldNamesOut() {
    assertThat(ConfigValues.name(Kind.TOP_K)).isEqualTo("top-k");
    assertThat(ConfigValues.names(Kind.class)).containsExactly("top-k", "threshold");
    assertThat(ConfigValues.names(Space.class)).containsExactly("projection", "representation");
  }

  @Test
  @SuppressWarnings("deprecation")
  void parseTakesEveryNameAndRefusesOthersNamingTheAllowedOnes() {
    assertThat(ConfigValues.parse(Kind.class, "k", "top-k")).isEqualTo(Kind.TOP_K);
    assertThat(ConfigValues.parse(Kind.class, "k", "old")).isEqualTo(Kind.OLD);
    assertThatThrownBy(() -> ConfigValues.parse(Kind.class, "k", "TOP_K"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("k: must be one of [top-k, threshold], was \"TOP_K\"");
    assertThatThrownBy(() -> ConfigValues.parse(Kind.class, "k", null))
        .hasMessage("k: is required");
  }
}
