package io.infodesk.review.boundary;

import io.infodesk.platform.boundary.Params;
import io.infodesk.platform.boundary.Problem;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.entity.ReviewVote;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SME review queues: list, claim, vote, history. Admins run the judge that fills them and settle
 * the disputes when reviewers disagree.
 */
@Path("reviews")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(
    name = "reviews",
    description = "Suspected misroutes for SMEs of the routed or suggested domain")
public class ReviewsResource {

  /** What an SME decides. {@code domain} only with CORRECT_DOMAIN. */
  public record DecisionRequest(String decision, String domain) {}

  @EJB ReviewService reviews;
  @EJB JudgeService judge;

  @GET
  @Operation(
      summary =
          "Pending review items in the caller's domains, highest expected gain first; paged with"
              + " first and max (at most 200)")
  public List<ReviewItem> queue(
      @QueryParam("domain") String domain,
      @QueryParam("first") String first,
      @QueryParam("max") String max) {
    return reviews.queue(
        domain == null || domain.isBlank() ? null : domain.strip(),
        io.infodesk.platform.boundary.Params.intParam("first", first, 0, 0, Integer.MAX_VALUE),
        io.infodesk.platform.boundary.Params.intParam("max", max, 100, 1, 200));
  }

  @POST
  @Path("{id}/claim")
  @Operation(summary = "Claim an item for 15 minutes")
  public ReviewItem claim(@PathParam("id") String id) {
    return reviews.claim(Params.id("review item", id));
  }

  @POST
  @Path("{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Decide a claimed item: CONFIRM_ROUTE, CORRECT_DOMAIN (with domain), NOT_ROUTING or SKIP")
  public ReviewItem decide(@PathParam("id") String id, DecisionRequest request) {
    if (request == null) {
      throw new InvalidInputException(
          "send {\"decision\": \"CORRECT_DOMAIN\", \"domain\": \"finance\"}");
    }
    return reviews.decide(Params.id("review item", id), request.decision(), request.domain());
  }

  @GET
  @Path("{id}/votes")
  @Operation(summary = "Every reviewer's vote on an item")
  public List<ReviewVote> votes(@PathParam("id") String id) {
    return reviews.votesOn(Params.id("review item", id));
  }

  @GET
  @Path("history")
  @Operation(summary = "The caller's own votes, newest first")
  public List<ReviewVote> history(@QueryParam("max") @DefaultValue("100") String max) {
    return reviews.history(Params.intParam("max", max, 100, 1, 500));
  }

  @GET
  @Path("disputes")
  @Operation(summary = "Items whose reviewers disagreed, waiting for an admin (admin)")
  public List<ReviewItem> disputes(
      @QueryParam("first") String first, @QueryParam("max") String max) {
    return reviews.disputes(
        io.infodesk.platform.boundary.Params.intParam("first", first, 0, 0, Integer.MAX_VALUE),
        io.infodesk.platform.boundary.Params.intParam("max", max, 100, 1, 200));
  }

  @GET
  @Path("judge-opinions")
  @Operation(
      summary =
          "The cycle judge's current opinions of labels no SME decided, newest first: questions"
              + " it labelled (RELABEL) and routes it left out of training (SET_ASIDE), with the"
              + " reason; paged with first and max (at most 200) (admin)")
  public List<JudgeService.Opinion> judgeOpinions(
      @QueryParam("first") String first, @QueryParam("max") String max) {
    return judge.opinions(
        Params.intParam("first", first, 0, 0, Integer.MAX_VALUE),
        Params.intParam("max", max, 100, 1, 200));
  }

  @POST
  @Path("judge-opinions/{interaction}/review")
  @Operation(
      summary =
          "Send the judge's opinion of one question to the SMEs as a review item that suggests the"
              + " judge's label; their decision then wins over it (admin); optionally"
              + " {\"reviewers\": n} votes instead of the configured number")
  public ReviewItem sendToReview(@PathParam("interaction") String interaction, String body) {
    return judge.sendToReview(
        Params.id("interaction", interaction), Params.optionalInt(body, "reviewers"));
  }

  @POST
  @Path("{id}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Settle a disputed item: CONFIRM_ROUTE, CORRECT_DOMAIN or NOT_ROUTING (admin)")
  public ReviewItem resolve(@PathParam("id") String id, DecisionRequest request) {
    if (request == null) {
      throw new InvalidInputException(
          "send {\"decision\": \"CORRECT_DOMAIN\", \"domain\": \"finance\"}");
    }
    return reviews.resolve(Params.id("review item", id), request.decision(), request.domain());
  }

  @POST
  @Path("judging")
  @Operation(
      summary =
          "Judge the rated interactions and queue suspected misroutes (admin); optionally"
              + " {\"reviewers\": n} votes per new item instead of the configured number")
  public JudgeService.Summary runJudge(String body) {
    return judge.judge(Params.optionalInt(body, "reviewers"));
  }
}
