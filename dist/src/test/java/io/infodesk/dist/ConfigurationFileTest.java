package io.infodesk.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** conf/infodesk.properties lists every key the operations guide documents. */
class ConfigurationFileTest {

  static final Path CONF = Path.of("src/main/dist/conf/infodesk.properties");

  @Test
  void everyDocumentedKeyIsInTheConfigurationFile() throws Exception {
    String doc = Files.readString(Path.of(System.getProperty("operations.doc")));
    String table = doc.substring(doc.indexOf("## Configuration keys"));
    table = table.substring(0, table.indexOf("\n## ", 5));
    Set<String> documented = new TreeSet<>();
    for (String row : table.lines().filter(l -> l.startsWith("| `")).toList()) {
      Matcher key = Pattern.compile("infodesk\\.[a-z0-9.-]*[a-z0-9]").matcher(row.split("\\|")[1]);
      while (key.find()) {
        documented.add(key.group());
      }
    }
    assertThat(documented).hasSizeGreaterThan(30);
    Set<String> listed = new TreeSet<>();
    Matcher line =
        Pattern.compile("(?m)^#?(infodesk\\.[a-z0-9.-]+)=").matcher(Files.readString(CONF));
    while (line.find()) {
      listed.add(line.group(1));
    }
    documented.removeAll(listed);
    assertThat(documented).as("documented keys missing from %s", CONF).isEmpty();
  }

  @Test
  void aDefaultThatFollowsAnotherSettingIsNotPinned() throws Exception {
    // the judge's margin defaults by the embedding window (0.1 at 256, 0.15 below): a value in the
    // file would keep 0.1 for an owner who shortens the window
    assertThat(Files.readString(CONF))
        .containsPattern("(?m)^#infodesk\\.judge\\.misroute-margin=")
        .doesNotContainPattern("(?m)^infodesk\\.judge\\.misroute-margin=");
  }
}
