package io.infodesk.registry.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryServiceTest {

  @Test
  void aSecondTrainingWithinOneSecondNamesItsModelsApart() {
    // FlywheelIT trained twice within a second: both runs named their n-gram ngram-<second>, and
    // the second failed on the unique version with the database's message
    Set<Long> taken = Set.of(100L, 101L);
    assertThat(RegistryService.firstFree(100, taken::contains)).isEqualTo(102);
    assertThat(RegistryService.firstFree(99, taken::contains)).isEqualTo(99);
    assertThat(RegistryService.firstFree(105, taken::contains)).isEqualTo(105);
  }
}
