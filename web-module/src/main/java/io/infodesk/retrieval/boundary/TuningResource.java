package io.infodesk.retrieval.boundary;

import io.infodesk.knowledge.boundary.DomainService;
import io.infodesk.platform.boundary.Problem;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.retrieval.control.FusionTuner;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A domain's hybrid-search weights, tuned from labelled questions (its owners and admins). The path
 * sits under the domain's; the weights are retrieval's, so the resource lives here and knowledge
 * does not depend on retrieval.
 */
@Path("domains/{key}/tuning")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "domains", description = "Knowledge domains, their exemplars and fusion weights")
public class TuningResource {

  /** Labelled questions for tuning. */
  public record Tuning(List<FusionTuningService.LabelledQuestion> questions) {}

  @EJB FusionTuningService tuning;
  @EJB DomainService domains;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Re-tune the domain's hybrid-search weights from labelled questions")
  public FusionTuner.Weights tune(@PathParam("key") String key, Tuning request) {
    if (request == null) {
      throw new InvalidInputException(
          "send {\"questions\": [{\"question\": ..., \"sourceId\": ...}]}");
    }
    return tuning.tune(key, request.questions());
  }

  @DELETE
  @Operation(summary = "Set the domain's hybrid-search weights back to their defaults")
  @APIResponse(responseCode = "204", description = "The weights are back to their defaults")
  public void reset(@PathParam("key") String key) {
    domains.resetFusionWeights(key);
  }
}
