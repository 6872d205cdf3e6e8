package io.infodesk.curation.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which labels may be frozen for evaluation, and how far a cycle tops the frozen set up. */
class FrozenEvalRuleTest {

  @Test
  void neitherTheDomainsExemplarsAndDescriptionsNorTheJudgesOwnLabelsAreFrozen() {
    assertThat(DatasetService.mayBeFrozen("SEED")).isFalse();
    assertThat(DatasetService.mayBeFrozen("DESCRIPTION")).isFalse();
    assertThat(DatasetService.mayBeFrozen("RELABELED_BY_JUDGE")).isFalse();
    for (String p :
        new String[] {"LOGGED", "RELABELED_BY_EMPLOYEE", "RELABELED_BY_SME", "IMPORTED"}) {
      assertThat(DatasetService.mayBeFrozen(p)).as(p).isTrue();
    }
  }

  @Test
  void aTopUpTakesWhatTheSetLacksWithinAQuarterOfTheLabels() {
    assertThat(DatasetService.topUpRoom(8, 120, 20)).as("lacks 12, room for 24").isEqualTo(12);
    assertThat(DatasetService.topUpRoom(8, 40, 20)).as("a quarter of 48 is 12").isEqualTo(4);
    assertThat(DatasetService.topUpRoom(8, 20, 20)).as("already a quarter or more").isZero();
    assertThat(DatasetService.topUpRoom(25, 500, 20)).as("large enough").isZero();
    assertThat(DatasetService.topUpRoom(8, 400, 1_000_000)).isEqualTo(94);
  }
}
