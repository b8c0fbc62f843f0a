package org.batchcuration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  record Empty() {}

  /** A real curator: plain SimCLR, under any name. */
  static class Named implements CuratorProvider<Empty> {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Class<Empty> configType() {
      return Empty.class;
    }

    @Override
    public Empty defaultConfig() {
      return new Empty();
    }

    @Override
    public BatchCurator create(Empty config, PluginContext context) {
      return batch -> CurationDecision.keepAll(batch.size());
    }
  }

  static class Other extends Named {
    Other(String name) {
      super(name);
    }
  }

  @Test
  void unknownNameListsTheKnownNamesAndHintsAtAMissingJar() {
    PluginRegistry r =
        PluginRegistry.of(Map.of(PluginKind.CURATOR, List.of(new Named("none"), new Named("b"))));
    assertThatThrownBy(() -> r.provider(PluginKind.CURATOR, "no-such-curator"))
        .isInstanceOf(PluginException.class)
        .hasMessage(
            "Unknown curator \"no-such-curator\". Known curator names: [b, none]. If it comes from"
                + " a plugin, its jar may be missing from the classpath (add it as a Maven"
                + " dependency or put it in plugins/).");
  }

  @Test
  void duplicateNamesFailNamingBothClasses() {
    assertThatThrownBy(
            () ->
                PluginRegistry.of(
                    Map.of(PluginKind.CURATOR, List.of(new Named("none"), new Other("none")))))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Duplicate curator plugin name \"none\": " + Named.class.getName())
        .hasMessageContaining(" and " + Other.class.getName())
        .hasMessageEndingWith("Remove one of the jars from the classpath.");
  }

  /** A loss under any name (never created here). */
  record NamedLoss(String name) implements LossProvider<Empty> {
    @Override
    public Class<Empty> configType() {
      return Empty.class;
    }

    @Override
    public Empty defaultConfig() {
      return new Empty();
    }

    @Override
    public ContrastiveLoss create(Empty config, PluginContext context) {
      throw new UnsupportedOperationException();
    }
  }

  /** A curator renamed from {@code old}. */
  static class Renamed extends Named {
    Renamed(String name) {
      super(name);
    }

    @Override
    public Set<String> formerNames() {
      return Set.of("old");
    }
  }

  @Test
  void aFormerNameIsRefusedNamingTheNewOne() {
    PluginRegistry r =
        PluginRegistry.of(
            Map.of(
                PluginKind.CURATOR,
                List.of(new Renamed("new-name")),
                PluginKind.LOSS,
                List.of(new NamedLoss("old"))));
    assertThatThrownBy(() -> r.provider(PluginKind.CURATOR, "old"))
        .isInstanceOf(PluginException.class)
        .hasMessage("curator \"old\" was renamed to \"new-name\"; write \"type\": \"new-name\"");
    // another kind may still use the name
    assertThat(r.provider(PluginKind.LOSS, "old").name()).isEqualTo("old");
    assertThat(r.names(PluginKind.CURATOR)).containsExactly("new-name");
  }

  @Test
  void aFormerNameCannotNameAnotherPluginOfItsKind() {
    assertThatThrownBy(
            () ->
                PluginRegistry.of(
                    Map.of(PluginKind.CURATOR, List.of(new Renamed("new-name"), new Named("old")))))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("The former curator plugin name \"old\" of ")
        .hasMessageEndingWith(
            ": a former name is refused, so it cannot name another plugin of its kind");
  }

  @Test
  void namesMustBeLowerCaseWords() {
    assertThatThrownBy(
            () -> PluginRegistry.of(Map.of(PluginKind.CURATOR, List.of(new Named("Bad_Name")))))
        .hasMessageStartingWith("Invalid curator plugin name \"Bad_Name\" from ")
        .hasMessageEndingWith(": names must match [a-z][a-z0-9-]*");
  }

  @Test
  void listsPluginsWithTheirOrigin() {
    PluginRegistry r = PluginRegistry.of(Map.of(PluginKind.CURATOR, List.of(new Named("none"))));
    assertThat(r.plugins())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(PluginKind.CURATOR);
              assertThat(p.name()).isEqualTo("none");
              assertThat(p.className()).isEqualTo(Named.class.getName());
              assertThat(p.location()).contains("test-classes");
            });
    assertThat(r.names(PluginKind.ENCODER)).isEmpty();
  }
}
