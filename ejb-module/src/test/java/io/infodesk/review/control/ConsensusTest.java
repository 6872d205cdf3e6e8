package io.infodesk.review.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.review.control.Consensus.Rule;
import io.infodesk.review.control.Consensus.Vote;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {

  static final Vote CONFIRM = new Vote("CONFIRM_ROUTE", null);
  static final Vote TO_IT = new Vote("CORRECT_DOMAIN", "it");
  static final Vote TO_HR = new Vote("CORRECT_DOMAIN", "hr");
  static final Vote SKIP = new Vote("SKIP", null);

  @Test
  void oneRequiredVoteDecidesAtOnce() {
    var o = Consensus.of(List.of(TO_IT), 1, Rule.MAJORITY);
    assertThat(o.status()).isEqualTo("DECIDED");
    assertThat(o.decided()).isEqualTo(TO_IT);
  }

  @Test
  void skipsAreNotVotes() {
    assertThat(Consensus.of(List.of(SKIP), 1, Rule.MAJORITY).status()).isEqualTo("PENDING");
    assertThat(Consensus.of(List.of(SKIP, SKIP, TO_IT), 2, Rule.MAJORITY).status())
        .isEqualTo("PENDING");
  }

  @Test
  void majorityWaitsForTheRequiredVotesThenNeedsMoreThanHalf() {
    assertThat(Consensus.of(List.of(TO_IT, CONFIRM), 3, Rule.MAJORITY).status())
        .isEqualTo("PENDING");
    var two = Consensus.of(List.of(TO_IT, CONFIRM, TO_IT), 3, Rule.MAJORITY);
    assertThat(two.status()).isEqualTo("DECIDED");
    assertThat(two.decided()).isEqualTo(TO_IT);
    assertThat(Consensus.of(List.of(TO_IT, CONFIRM), 2, Rule.MAJORITY).status())
        .isEqualTo("DISPUTED");
    assertThat(Consensus.of(List.of(TO_IT, TO_HR, CONFIRM), 3, Rule.MAJORITY).status())
        .as("different domains are different votes")
        .isEqualTo("DISPUTED");
  }

  @Test
  void unanimityDisputesAtTheFirstDisagreement() {
    assertThat(Consensus.of(List.of(TO_IT, TO_HR), 3, Rule.UNANIMOUS).status())
        .isEqualTo("DISPUTED");
    assertThat(Consensus.of(List.of(TO_IT, TO_IT), 3, Rule.UNANIMOUS).status())
        .isEqualTo("PENDING");
    assertThat(Consensus.of(List.of(TO_IT, TO_IT, TO_IT), 3, Rule.UNANIMOUS).decided())
        .isEqualTo(TO_IT);
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> Consensus.of(List.of(), 0, Rule.MAJORITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rule.parse("loudest")).hasMessageContaining("majority or unanimous");
    assertThat(Rule.parse(" Unanimous ")).isEqualTo(Rule.UNANIMOUS);
  }
}
