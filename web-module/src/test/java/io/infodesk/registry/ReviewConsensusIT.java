package io.infodesk.registry;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two reviewers per item on a real Payara Micro: agreeing votes decide an item, disagreeing votes
 * send it to an admin, who settles it; nobody votes twice, and every step is audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewConsensusIT {

  static final String ADMIN = basic("admin", "demo");
  static final String EMPLOYEE = basic("employee", "demo");
  static final String SME = basic("sme", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  JsonObject itemOf(Api api, String auth, long interaction) {
    return api.get("/api/reviews?max=200", auth).array().getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getJsonNumber("interactionId").longValue() == interaction)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pending item for interaction " + interaction));
  }

  Reply vote(Api api, String auth, long item, String body) {
    Reply claim = api.post("/api/reviews/" + item + "/claim", auth, "");
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);
    return api.post("/api/reviews/" + item + "/decision", auth, body);
  }

  @Test
  void twoReviewersAgreeOrAnAdminSettlesTheirDispute() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    String second = "sme2-" + System.nanoTime() % 100000;
    Reply created =
        api.post(
            "/api/users",
            ADMIN,
            "{\"username\":\""
                + second
                + "\",\"displayName\":\"Second SME\",\"password\":\"second reviewer pass\","
                + "\"roles\":[\"sme\"],\"domains\":[\"hr\",\"it\"]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String sme2 = basic(second, "second reviewer pass");
    long agreed =
        api.misroute("Who approves my corporate card limit increase?", null).interactionId();
    long disputed =
        api.misroute("Can I expense a standing desk for working from home?", null).interactionId();

    for (String bad : new String[] {"{\"reviewers\":0}", "{\"reviewers\":\"two\"}", "[1,2"}) {
      Reply r = api.post("/api/reviews/judging", ADMIN, bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.isProblem()).isTrue();
    }
    Reply judged = api.post("/api/reviews/judging", ADMIN, "{\"reviewers\":2}");
    assertThat(judged.status()).as(judged.body()).isEqualTo(200);

    // agreement: the first vote leaves the item pending for the second reviewer
    JsonObject a = itemOf(api, SME, agreed);
    long aId = a.getJsonNumber("id").longValue();
    assertThat(a.getInt("requiredVotes")).isEqualTo(2);
    String domain = a.getString("suggestedDomain");
    String correct = "{\"decision\":\"CORRECT_DOMAIN\",\"domain\":\"" + domain + "\"}";
    Reply first = vote(api, SME, aId, correct);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().getString("status")).isEqualTo("PENDING");
    assertThat(api.post("/api/reviews/" + aId + "/claim", SME, "").status())
        .as("no second vote from the same SME")
        .isEqualTo(409);
    assertThat(api.get("/api/reviews?max=200", SME).array().getValuesAs(JsonObject.class))
        .noneMatch(r -> r.getJsonNumber("id").longValue() == aId);
    Reply secondVote = vote(api, sme2, aId, correct);
    assertThat(secondVote.status()).as(secondVote.body()).isEqualTo(200);
    assertThat(secondVote.json().getString("status")).isEqualTo("DECIDED");
    assertThat(secondVote.json().getString("decision")).isEqualTo("CORRECT_DOMAIN");
    assertThat(secondVote.json().getString("decidedBy")).contains("sme", second);
    assertThat(api.get("/api/reviews/" + aId + "/votes", sme2).array()).hasSize(2);

    // disagreement: DISPUTED, then an admin settles it
    long bId = itemOf(api, SME, disputed).getJsonNumber("id").longValue();
    assertThat(vote(api, SME, bId, "{\"decision\":\"CONFIRM_ROUTE\"}").status()).isEqualTo(200);
    Reply split = vote(api, sme2, bId, correct);
    assertThat(split.json().getString("status")).isEqualTo("DISPUTED");
    assertThat(api.get("/api/reviews/disputes", SME).status()).isEqualTo(403);
    assertThat(api.get("/api/reviews/disputes", ADMIN).array().getValuesAs(JsonObject.class))
        .anyMatch(r -> r.getJsonNumber("id").longValue() == bId);
    String resolve = "/api/reviews/" + bId + "/resolution";
    assertThat(api.post(resolve, SME, correct).status()).isEqualTo(403);
    assertThat(api.post(resolve, ADMIN, "{\"decision\":\"SKIP\"}").status()).isEqualTo(400);
    assertThat(api.post(resolve, ADMIN, "{\"decision\":\"CORRECT_DOMAIN\"}").status())
        .isEqualTo(400);
    assertThat(api.post("/api/reviews/" + aId + "/resolution", ADMIN, correct).status())
        .as("only disputed items are resolved")
        .isEqualTo(409);
    Reply settled = api.post(resolve, ADMIN, correct);
    assertThat(settled.status()).as(settled.body()).isEqualTo(200);
    assertThat(settled.json().getString("status")).isEqualTo("DECIDED");
    assertThat(settled.json().getString("decidedBy")).isEqualTo("admin");
    assertThat(api.post(resolve, ADMIN, correct).status()).isEqualTo(409);
    assertThat(api.get("/api/reviews/disputes", ADMIN).array().getValuesAs(JsonObject.class))
        .noneMatch(r -> r.getJsonNumber("id").longValue() == bId);

    assertThat(api.get("/api/reviews/history", sme2).array()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(api.get("/api/reviews/history?max=lots", sme2).status()).isEqualTo(400);
    assertThat(api.get("/api/audit?max=50", ADMIN).body())
        .contains("REVIEW_DISPUTED", "REVIEW_RESOLVED");
  }
}
