package io.infodesk.flywheel.boundary;

import io.infodesk.platform.boundary.Answers;
import io.infodesk.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Training the student routers on demand (admin). The path stays with the model registry's, where
 * the candidates appear; the work is the flywheel's train step, so the resource lives here and the
 * registry does not depend on the flywheel.
 */
@Path("models/training")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "models", description = "Router model registry (admin)")
public class TrainingResource {

  @EJB FlywheelService flywheel;

  @POST
  @Operation(
      summary =
          "Train the student routers from the labelled data and evaluate them against the teacher,"
              + " in the background: 202 with the job to poll at /api/flywheel/cycles/{id} (its"
              + " train step shows progress); the candidates then appear in /api/models. 409 while"
              + " a cycle or another training runs anywhere in the cluster")
  @Answers(status = 202, value = CyclesResource.CycleView.class)
  public Response train() {
    return CyclesResource.accepted(flywheel.startTraining());
  }
}
