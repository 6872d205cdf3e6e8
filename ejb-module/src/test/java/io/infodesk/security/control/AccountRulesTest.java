package io.infodesk.security.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

  @Test
  void acceptsOrdinaryNames() {
    for (String name : new String[] {"erin", "erin.employee", "e_2", "42-ops"}) {
      assertThatCode(() -> AccountRules.checkUsername(name)).doesNotThrowAnyException();
    }
  }

  @Test
  void refusesOddNames() {
    for (String name :
        new String[] {null, "", "a", "Erin", "-erin", "erin smith", "a".repeat(65), "é"}) {
      assertThatThrownBy(() -> AccountRules.checkUsername(name))
          .as(String.valueOf(name))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void passwordsNeedTwelveToTwoHundredCharacters() {
    assertThatThrownBy(() -> AccountRules.checkPassword(null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AccountRules.checkPassword("elevenchars"))
        .isInstanceOf(InvalidInputException.class);
    assertThatCode(() -> AccountRules.checkPassword("twelve chars")).doesNotThrowAnyException();
    assertThatThrownBy(() -> AccountRules.checkPassword("x".repeat(201)))
        .isInstanceOf(InvalidInputException.class);
  }
}
