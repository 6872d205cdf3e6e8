package io.infodesk.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Demo accounts do not outlive demo mode: the WAR started in demo mode, stopped, then started on
 * the same data folder with demo mode off disables every account demo mode created (their password
 * is public), logs and audits it, and still lets the operator bootstrap the first real admin; a
 * later demo start enables them again.
 */
class DemoModeOffIT {

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static final List<String> COMMON =
      List.of("infodesk.node.name=demo-off-node", "infodesk.flywheel.schedule=off");

  static List<String> with(String... more) {
    List<String> all = new java.util.ArrayList<>(COMMON);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void aStartWithDemoModeOffDisablesTheDemoAccounts() throws Exception {
    Path data = MicroServer.freshDir("demo-off-data");
    try (MicroServer demo = MicroServer.start(data, with("infodesk.demo=true"))) {
      demo.awaitReady();
      assertThat(demo.get("/api/me", basic("admin", "demo")).statusCode()).isEqualTo(200);
    }
    try (MicroServer off =
        MicroServer.start(
            data,
            with(
                "infodesk.demo=false",
                "infodesk.bootstrap.admin-user=operator",
                "infodesk.bootstrap.admin-password=a-long-operator-secret"))) {
      off.awaitReady();
      for (String user : List.of("admin", "employee", "owner", "sme")) {
        HttpResponse<String> r = off.get("/api/me", basic(user, "demo"));
        assertThat(r.statusCode()).as(user + ": " + r.body()).isEqualTo(401);
      }
      String operator = basic("operator", "a-long-operator-secret");
      assertThat(off.get("/api/me", operator).statusCode())
          .as("the first real admin is bootstrapped although a (disabled) demo admin exists")
          .isEqualTo(200);
      String users = off.get("/api/users", operator).body();
      assertThat(users).contains("\"username\":\"admin\"");
      assertThat(off.get("/api/audit?max=100", operator).body())
          .contains("DEMO_USER_DISABLED", "ADMIN_BOOTSTRAPPED");
      assertThat(Files.readString(MicroServer.log(data)))
          .contains("disabled the accounts demo mode created");
    }
    try (MicroServer again = MicroServer.start(data, with("infodesk.demo=true"))) {
      again.awaitReady();
      assertThat(again.get("/api/me", basic("admin", "demo")).statusCode())
          .as("demo mode enables its accounts again")
          .isEqualTo(200);
    }
  }
}
