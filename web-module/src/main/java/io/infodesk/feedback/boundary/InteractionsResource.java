package io.infodesk.feedback.boundary;

import io.infodesk.answering.boundary.InteractionService;
import io.infodesk.answering.entity.Interaction;
import io.infodesk.feedback.boundary.EscalationsResource.EscalationView;
import io.infodesk.feedback.entity.Escalation;
import io.infodesk.feedback.entity.Feedback;
import io.infodesk.platform.boundary.JsonColumns;
import io.infodesk.platform.boundary.Params;
import io.infodesk.platform.boundary.Problem;
import io.infodesk.platform.entity.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's interactions: history, detail, rating and escalation. It lives with feedback, the
 * feature that composes the interaction log (answering) with the ratings and escalations it owns.
 */
@Path("interactions")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "interactions", description = "Logged questions, ratings and escalations")
public class InteractionsResource {

  /** An interaction as its asker sees it (JSON columns parsed). */
  public record InteractionView(
      long id,
      String sessionId,
      String question,
      String outcome,
      String domain,
      double confidence,
      String routerVersion,
      JsonStructure shadowPredictions,
      String answerMode,
      String answerHtml,
      JsonStructure citations,
      JsonStructure retrieved,
      JsonStructure guardrailEvents,
      JsonStructure latencyMicros,
      Long rephraseOf,
      Instant createdAt,
      FeedbackView feedback) {}

  /** A rating. */
  public record FeedbackView(
      String rating, String comment, String correctDomain, Instant updatedAt) {
    static FeedbackView of(Feedback f) {
      return f == null
          ? null
          : new FeedbackView(f.getRating(), f.getComment(), f.getCorrectDomain(), f.getUpdatedAt());
    }
  }

  /** What a rating sends. */
  public record Rating(String rating, String comment, String correctDomain) {}

  /** What an escalation sends. */
  public record EscalationRequest(String note) {}

  @EJB InteractionService interactions;
  @EJB FeedbackService feedback;

  @GET
  @Operation(summary = "The caller's questions, newest first")
  public List<InteractionView> mine(
      @QueryParam("first") String first, @QueryParam("max") String max) {
    return interactions
        .mine(
            Params.intParam("first", first, 0, 0, Integer.MAX_VALUE),
            Params.intParam("max", max, 20, 1, 200))
        .stream()
        .map(i -> view(i, null))
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One of the caller's interactions, with its rating")
  public InteractionView get(@PathParam("id") String id) {
    Interaction i = interactions.get(Params.id("interaction", id));
    return view(i, feedback.mine(i.getId()));
  }

  @POST
  @Path("{id}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Rate the answer (up or down, optional comment and correct domain); again to change it")
  public FeedbackView rate(@PathParam("id") String id, Rating rating) {
    if (rating == null) {
      throw new InvalidInputException("send {\"rating\": \"up\" | \"down\"}");
    }
    return FeedbackView.of(
        feedback.rate(
            Params.id("interaction", id),
            rating.rating(),
            rating.comment(),
            rating.correctDomain()));
  }

  @POST
  @Path("{id}/escalation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ask for a person to take over this question")
  @io.infodesk.platform.boundary.Answers(status = 201, value = EscalationView.class)
  public Response escalate(@PathParam("id") String id, EscalationRequest request) {
    Escalation e =
        feedback.escalate(Params.id("interaction", id), request == null ? null : request.note());
    return Response.status(Response.Status.CREATED).entity(EscalationView.of(e)).build();
  }

  static InteractionView view(Interaction i, Feedback f) {
    return new InteractionView(
        i.getId(),
        i.getSessionId(),
        i.getQuestion(),
        i.getOutcome() == null ? null : i.getOutcome().name(),
        i.getDomainKey(),
        i.getRouteConfidence(),
        i.getRouterVersion(),
        JsonColumns.parse(i.getShadowPredictions()),
        i.getAnswerMode().name(),
        i.getAnswer(),
        JsonColumns.parse(i.getCitations()),
        JsonColumns.parse(i.getRetrieved()),
        JsonColumns.parse(i.getGuardrailEvents()),
        JsonColumns.parse(i.getLatencies()),
        i.getRephraseOf(),
        i.getCreatedAt(),
        FeedbackView.of(f));
  }
}
