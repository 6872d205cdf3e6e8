package io.infodesk.retrieval.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.platform.control.Settings;
import io.infodesk.platform.control.StartupState;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceStartTest {

  /** A configuration whose data folder is {@code dir} and that holds nothing else. */
  static Config dataDir(Path dir) {
    return (Config)
        Proxy.newProxyInstance(
            Config.class.getClassLoader(),
            new Class<?>[] {Config.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getValue") && Settings.DATA_DIR.equals(args[0])) {
                return dir.toString();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void anIndexThatCannotBeOpenedIsReportedAsAFailedStart(@TempDir Path tmp) throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("data"), "a file where the data folder goes");
    SearchService search = new SearchService();
    search.config = dataDir(notAFolder);

    assertThatThrownBy(search::open).hasMessageContaining("Cannot open the search index");

    assertThat(StartupState.hasStarted(SearchService.class)).isFalse();
    assertThat(StartupState.failure(SearchService.class))
        .hasValueSatisfying(f -> assertThat(f).contains("Cannot open the search index"));
  }
}
