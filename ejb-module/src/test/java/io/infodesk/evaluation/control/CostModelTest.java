package io.infodesk.evaluation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.infodesk.evaluation.model.CostModel;
import org.junit.jupiter.api.Test;

/** Costs against figures computed by hand. */
class CostModelTest {

  final CostModel prices = new CostModel(0.60, 0.036, 3.6);

  @Test
  void inProcessRoutersPayForTheirTime() {
    // 1,000 routes of 100 µs hold a core for 0.1 s; at $0.036/h that is $0.000001
    assertThat(prices.cpuPerThousand(100)).isCloseTo(1e-6, offset(1e-12));
    assertThat(prices.gpuPerThousand(100)).isCloseTo(1e-4, offset(1e-10));
  }

  @Test
  void llmRoutersPayPerToken() {
    // 500 tokens a route: 500,000 tokens per 1,000 routes, half of $0.60
    assertThat(prices.llmPerThousand(500)).isCloseTo(0.30, offset(1e-12));
    assertThat(CostModel.tokens("abcdefgh")).isEqualTo(2);
    assertThat(CostModel.tokens("abcdefghi")).isEqualTo(3);
    assertThat(CostModel.tokens(null)).isZero();
  }

  @Test
  void negativePricesAreRefused() {
    assertThatThrownBy(() -> new CostModel(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
