package io.infodesk.feedback.boundary;

import io.infodesk.feedback.entity.Escalation;
import io.infodesk.platform.boundary.Params;
import io.infodesk.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Escalations to a human: admins see all, everyone else their own. */
@Path("escalations")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "escalations", description = "Questions handed to a person")
public class EscalationsResource {

  /** An escalation as listed. */
  public record EscalationView(
      long id,
      long interactionId,
      String requestedBy,
      String note,
      String status,
      Instant createdAt) {
    public static EscalationView of(Escalation e) {
      return new EscalationView(
          e.getId(),
          e.getInteractionId(),
          e.getRequestedBy(),
          e.getNote(),
          e.getStatus(),
          e.getCreatedAt());
    }
  }

  @EJB FeedbackService feedback;

  @GET
  @Operation(summary = "Escalations, newest first")
  public List<EscalationView> list(
      @QueryParam("first") String first, @QueryParam("max") String max) {
    return feedback
        .escalations(
            Params.intParam("first", first, 0, 0, Integer.MAX_VALUE),
            Params.intParam("max", max, 50, 1, 500))
        .stream()
        .map(EscalationView::of)
        .toList();
  }
}
