package io.infodesk.portal.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginPageTest {

  private String next(String value) {
    LoginPage page = new LoginPage();
    page.setNext(value);
    return page.safeNext();
  }

  @Test
  void keepsPathsInsideTheApplication() {
    assertThat(next("/portal/")).isEqualTo("/portal/");
    assertThat(next("/api/me")).isEqualTo("/api/me");
  }

  @Test
  void neverRedirectsElsewhere() {
    for (String evil :
        new String[] {null, "", "https://evil.example/", "//evil.example/x", "/\\evil", "portal"}) {
      assertThat(next(evil)).as(String.valueOf(evil)).isEqualTo("/portal/");
    }
  }
}
