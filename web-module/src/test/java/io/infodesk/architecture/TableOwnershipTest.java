package io.infodesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables: only the feature whose package holds an entity queries, finds or
 * stores it; other features read it through the owner's boundary (for example answering's {@code
 * InteractionLog}, feedback's {@code Ratings}, knowledge's {@code DomainDirectory} and {@code
 * ChunkStore}, routing's {@code ModelStore}). ArchUnit sees types but not the text of JPQL queries
 * or the names of named queries (constants the compiler copies), so this rule reads the sources.
 */
class TableOwnershipTest {

  static final List<Path> SOURCES =
      List.of(
          Path.of("../ejb-module/src/main/java"),
          Path.of("src/main/java"),
          Path.of("../portal/src/main/java"));

  private static final Pattern FEATURE = Pattern.compile("io/infodesk/([a-z]+)/");

  /** Where a class names the entity whose table it reads or writes, group 1 being the entity. */
  static final List<Pattern> TABLE_USES =
      List.of(
          // a named query is named after its entity: Entity.FIND_...
          Pattern.compile("createNamedQuery\\(\\s*(?:[\\w.]+\\.)?(\\w+)\\.[A-Z_]+"),
          Pattern.compile("\\.(?:find|getReference)\\(\\s*(?:[\\w.]+\\.)?(\\w+)\\.class"),
          // JPQL in a query string
          Pattern.compile("\\b(?:FROM|JOIN|UPDATE)\\s+(\\w+)\\s"),
          Pattern.compile("persist\\(\\s*new\\s+(\\w+)\\("));

  @Test
  void onlyTheOwningFeatureQueriesAnEntitysTable() throws IOException {
    Map<String, String> owner = new HashMap<>();
    Map<Path, String> sources = new HashMap<>();
    for (Path root : SOURCES) {
      assertThat(root).as("source folder").isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .forEach(
                f -> {
                  String text = read(f);
                  sources.put(f, text);
                  if (text.contains("@Entity")) {
                    owner.put(f.getFileName().toString().replace(".java", ""), feature(f));
                  }
                });
      }
    }
    assertThat(owner).as("entities found").containsKeys("Interaction", "Domain", "RouterModel");
    List<String> violations = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          String feature = feature(file);
          for (Pattern p : TABLE_USES) {
            Matcher m = p.matcher(text);
            while (m.find()) {
              String entity = m.group(1);
              if (owner.containsKey(entity) && !owner.get(entity).equals(feature)) {
                violations.add(
                    file.getFileName()
                        + " ("
                        + feature
                        + ") uses "
                        + entity
                        + " ("
                        + owner.get(entity)
                        + "'s table): "
                        + m.group().strip());
              }
            }
          }
        });
    assertThat(violations).as("queries of another feature's tables").isEmpty();
  }

  static String feature(Path file) {
    Matcher m = FEATURE.matcher(file.toString().replace('\\', '/'));
    return m.find() ? m.group(1) : "";
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
