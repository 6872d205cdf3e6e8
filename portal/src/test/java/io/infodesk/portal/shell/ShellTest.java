package io.infodesk.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.security.entity.CallerProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

  static Shell as(String... roles) {
    return Shell.of(new CallerProfile("u", "U", List.of(roles), List.of()));
  }

  @Test
  void eachFolderOpensToItsRolesAndToAdmins() {
    assertThat(as("knowledge-owner").mayOpen("/portal/owner/sources.xhtml")).isTrue();
    assertThat(as("sme").mayOpen("/portal/owner/sources.xhtml")).isFalse();
    assertThat(as("sme").mayOpen("/portal/sme/reviews.xhtml")).isTrue();
    assertThat(as("knowledge-owner").mayOpen("/portal/sme/reviews.xhtml")).isFalse();
    assertThat(as("knowledge-owner", "sme").mayOpen("/portal/admin/users.xhtml")).isFalse();
    for (String page :
        List.of(
            "/portal/owner/domains.xhtml",
            "/portal/sme/reviews.xhtml",
            "/portal/admin/flywheel.xhtml")) {
      assertThat(as("admin").mayOpen(page)).as(page).isTrue();
    }
  }

  @Test
  void pagesOutsideTheFoldersOpenToAnyoneSignedIn() {
    assertThat(as("employee").mayOpen("/portal/index.xhtml")).isTrue();
    assertThat(Shell.of(null).mayOpen("/portal/index.xhtml")).isFalse();
    assertThat(as("employee").mayOpen("/portal/admin/audit.xhtml")).isFalse();
  }
}
