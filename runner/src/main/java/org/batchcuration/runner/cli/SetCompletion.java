package org.batchcuration.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.regex.Pattern;

/**
 * The bash part of {@code ./curation completion} that picocli's script cannot do: the argument of
 * {@code --set}. Before {@code =} it offers the config paths ({@code train.epochs=}); after it, the
 * path's values (plugin names for {@code curator.type=}, enum values, {@code true}/{@code false}).
 * Anything else goes to picocli's {@code _complete_curation}. It reads the line up to the cursor
 * ({@code COMP_LINE}, {@code COMP_POINT}), so it works whether or not {@code =} is in {@code
 * COMP_WORDBREAKS}. Stateless.
 */
final class SetCompletion {
  /** Paths and values that need no quoting in a shell word list. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:/-]+");

  private SetCompletion() {}

  /**
   * The script, to append after picocli's; {@code paths} as {@link
   * org.batchcuration.runner.config.ConfigPaths} gives them.
   */
  static String script(SortedMap<String, SortedSet<String>> paths) {
    List<String> words = new ArrayList<>();
    StringBuilder cases = new StringBuilder();
    for (Map.Entry<String, SortedSet<String>> e : paths.entrySet()) {
      if (!SAFE.matcher(e.getKey()).matches()) {
        continue;
      }
      words.add(e.getKey() + "=");
      List<String> values = new ArrayList<>();
      for (String v : e.getValue()) {
        if (SAFE.matcher(v).matches()) {
          values.add(v);
        }
      }
      if (!values.isEmpty()) {
        cases
            .append("    ")
            .append(e.getKey())
            .append(") echo \"")
            .append(String.join(" ", values))
            .append("\" ;;\n");
      }
    }
    return """

        # --set PATH=VALUE: the config's paths, then the path's values (plugin names, enum values,
        # true/false), from the schema and the plugins on the class path when this was generated.
        _curation_set_paths="%s"

        function _curation_set_values() {
          case "$1" in
        %s  esac
        }

        function _complete_curation_with_set() {
          local line="${COMP_LINE:0:COMP_POINT}"
          local arg="${line##*[[:space:]]}"
          local before="${line%%"$arg"}"
          before="${before%%"${before##*[![:space:]]}"}"
          if [[ "${before##*[[:space:]]}" != "--set" ]]; then
            _complete_curation "$@"
            return
          fi
          if [[ "$arg" == *=* ]]; then
            local path="${arg%%%%=*}"
            local value="${arg#*=}"
            local values
            values="$(_curation_set_values "$path")"
            if [[ "$COMP_WORDBREAKS" == *=* ]]; then
              COMPREPLY=( $(compgen -W "$values" -- "$value") )
            else
              COMPREPLY=( $(compgen -P "$path=" -W "$values" -- "$value") )
            fi
          else
            compopt -o nospace 2>/dev/null
            COMPREPLY=( $(compgen -W "$_curation_set_paths" -- "$arg") )
          fi
        }

        complete -F _complete_curation_with_set -o default curation curation.sh curation.bash
        """
        .formatted(String.join(" ", words), cases);
  }
}
