package io.infodesk.answering.boundary;

import io.infodesk.answering.entity.AskResult;
import io.infodesk.platform.boundary.Problem;
import io.infodesk.platform.entity.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Employees ask questions here. */
@Path("ask")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "ask", description = "Questions and answers")
public class AskResource {

  /** A question, optionally in a conversation (keep the sessionId the first answer returns). */
  public record Question(String question, String sessionId) {}

  @EJB AskService ask;
  @Inject AskAdmission admission;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Ask a question: routed, answered from the domain's knowledge with citations, logged")
  public AskResult ask(Question q) {
    if (q == null) {
      throw new InvalidInputException("send {\"question\": \"...\"}");
    }
    return admission.admit(() -> ask.ask(q.question(), q.sessionId()));
  }
}
