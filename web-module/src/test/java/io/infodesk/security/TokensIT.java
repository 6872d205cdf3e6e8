package io.infodesk.security;

import static io.infodesk.support.Api.basic;
import static io.infodesk.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens as a security review wants them: a bearer token cannot mint new ones (so a stolen token
 * dies with its expiry), admins list and revoke anyone's tokens, and disabling an account or
 * changing its password revokes its tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokensIT {

  static final String ADMIN = basic("admin", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;
  Api api;

  @BeforeEach
  void connect() {
    api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
  }

  /** A fresh account with the employee role. */
  String account(String password) {
    String name = "tok" + System.nanoTime() % 1_000_000_000L;
    Reply created =
        api.post(
            "/api/users",
            ADMIN,
            "{\"username\":\""
                + name
                + "\",\"displayName\":\"T\",\"password\":\""
                + password
                + "\",\"roles\":[\"employee\"],\"domains\":[]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return name;
  }

  String token(String authorization) {
    Reply issued = api.post("/api/me/tokens", authorization, "{\"label\":\"cli\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    return issued.json().getString("token");
  }

  @Test
  void aBearerTokenCannotMintTokens() {
    String token = token(basic("employee", "demo"));
    Reply minted = api.post("/api/me/tokens", bearer(token), "{\"label\":\"more\"}");
    assertThat(minted.status()).as(minted.body()).isEqualTo(403);
    assertThat(minted.isProblem()).isTrue();
    assertThat(minted.json().getString("detail")).contains("password");
    assertThat(api.get("/api/me/tokens", basic("employee", "demo")).body())
        .doesNotContain("\"more\"");
  }

  @Test
  void adminsListAndRevokeAnyonesTokens() {
    String token = token(basic("employee", "demo"));
    Reply listed = api.get("/api/users/employee/tokens", ADMIN);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).contains("\"label\":\"cli\"").doesNotContain(token);
    assertThat(api.get("/api/users/employee/tokens", basic("sme", "demo")).status()).isEqualTo(403);
    long id = listed.array().getJsonObject(0).getJsonNumber("id").longValue();
    assertThat(api.delete("/api/users/sme/tokens/" + id, ADMIN).status())
        .as("the id is not one of sme's tokens")
        .isEqualTo(404);
    assertThat(api.get("/api/me", bearer(token)).status()).isEqualTo(200);
    assertThat(api.delete("/api/users/employee/tokens/" + id, ADMIN).status()).isEqualTo(204);
    assertThat(api.get("/api/me", bearer(token)).status()).isEqualTo(401);
  }

  @Test
  void changingThePasswordRevokesTheTokens() {
    String name = account("first-long-secret");
    String token = token(basic(name, "first-long-secret"));
    assertThat(api.get("/api/me", bearer(token)).status()).isEqualTo(200);
    Reply wrong =
        api.put(
            "/api/me/password",
            basic(name, "first-long-secret"),
            "{\"currentPassword\":\"not-it\",\"newPassword\":\"second-long-secret\"}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(api.get("/api/me", bearer(token)).status()).as("nothing changed").isEqualTo(200);
    Reply changed =
        api.put(
            "/api/me/password",
            basic(name, "first-long-secret"),
            "{\"currentPassword\":\"first-long-secret\",\"newPassword\":\"second-long-secret\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(api.get("/api/me", bearer(token)).status()).isEqualTo(401);
    assertThat(api.get("/api/me", basic(name, "first-long-secret")).status()).isEqualTo(401);
    assertThat(api.get("/api/me", basic(name, "second-long-secret")).status()).isEqualTo(200);
  }

  @Test
  void disablingAnAccountRevokesItsTokens() {
    String name = account("a-long-enough-secret");
    String token = token(basic(name, "a-long-enough-secret"));
    assertThat(
            api.put("/api/users/" + name + "/enabled", basic("sme", "demo"), "{\"enabled\":false}")
                .status())
        .isEqualTo(403);
    assertThat(api.put("/api/users/admin/enabled", ADMIN, "{\"enabled\":false}").status())
        .as("not one's own account")
        .isEqualTo(409);
    Reply disabled = api.put("/api/users/" + name + "/enabled", ADMIN, "{\"enabled\":false}");
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(api.get("/api/me", bearer(token)).status()).isEqualTo(401);
    assertThat(api.get("/api/me", basic(name, "a-long-enough-secret")).status()).isEqualTo(401);
    assertThat(api.put("/api/users/" + name + "/enabled", ADMIN, "{\"enabled\":true}").status())
        .isEqualTo(200);
    assertThat(api.get("/api/me", basic(name, "a-long-enough-secret")).status()).isEqualTo(200);
    assertThat(api.get("/api/me", bearer(token)).status())
        .as("enabling again does not bring the revoked tokens back")
        .isEqualTo(401);
    assertThat(api.get("/api/audit?max=200", ADMIN).body())
        .contains("USER_DISABLED", "API_TOKENS_REVOKED");
  }

  @Test
  void repeatedFailedSignInsAreThrottledAndAudited() {
    String name = account("the-right-long-secret");
    for (int i = 0; i < 4; i++) {
      assertThat(api.get("/api/me", basic(name, "wrong-" + i)).status()).isEqualTo(401);
    }
    Reply locked = api.get("/api/me", basic(name, "wrong-5"));
    assertThat(locked.status()).as("the fifth failure locks the account").isEqualTo(401);
    Reply refused = api.get("/api/me", basic(name, "the-right-long-secret"));
    assertThat(refused.status()).as("even the right password waits").isEqualTo(429);
    assertThat(refused.isProblem()).isTrue();
    assertThat(api.lastHeaders().firstValue("Retry-After")).isPresent();
    assertThat(api.get("/api/me", basic("employee", "demo")).status())
        .as("other accounts are not affected")
        .isEqualTo(200);
    assertThat(api.get("/api/audit?max=200", ADMIN).body()).contains("LOGIN_THROTTLED");
    Api.sleep(2500);
    assertThat(api.get("/api/me", basic(name, "the-right-long-secret")).status())
        .as("after the back-off the right password works")
        .isEqualTo(200);
  }

  @Test
  void domainScopeBelongsToTheRole() {
    String name = "scope" + System.nanoTime() % 1_000_000_000L;
    Reply created =
        api.post(
            "/api/users",
            ADMIN,
            "{\"username\":\""
                + name
                + "\",\"displayName\":\"S\",\"password\":\"a-long-enough-secret\","
                + "\"roles\":[\"employee\",\"knowledge-owner\",\"sme\"],"
                + "\"ownerDomains\":[\"hr\"],\"smeDomains\":[\"finance\"]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getJsonArray("ownerDomains").toString()).isEqualTo("[\"hr\"]");
    assertThat(created.json().getJsonArray("smeDomains").toString()).isEqualTo("[\"finance\"]");
    String user = basic(name, "a-long-enough-secret");
    assertThat(api.get("/api/sources?domain=hr", user).status()).as("owner of hr").isEqualTo(200);
    Reply finance = api.get("/api/sources?domain=finance", user);
    assertThat(finance.status())
        .as("being SME of finance does not make one its owner")
        .isEqualTo(403);
    assertThat(finance.isProblem()).isTrue();

    Reply moved = api.put("/api/users/" + name + "/domains", ADMIN, "{\"owner\":[\"finance\"]}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().getJsonArray("smeDomains").toString())
        .as("the SME domains stay as they were")
        .isEqualTo("[\"finance\"]");
    assertThat(api.get("/api/sources?domain=finance", user).status()).isEqualTo(200);
    assertThat(api.get("/api/sources?domain=hr", user).status()).isEqualTo(403);
    assertThat(api.put("/api/users/employee/domains", ADMIN, "{\"sme\":[\"hr\"]}").status())
        .as("SME domains for a user without the sme role")
        .isEqualTo(400);
  }
}
