package io.infodesk.flywheel.boundary;

import io.infodesk.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Demo mode's simulated weeks of traffic (admin): start the next one, watch its progress. */
@Path("flywheel/simulations")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "flywheel", description = "Flywheel cycles (admin)")
public class SimulationsResource {

  @EJB TrafficSimulation simulation;

  @POST
  @Operation(
      summary =
          "Demo mode: replay the next week of demo questions through the ask path with simulated"
              + " ratings, corrections and SME votes, in the background (202; poll GET); 409"
              + " while one runs, 400 outside demo mode")
  @io.infodesk.platform.boundary.Answers(
      status = 202,
      value = io.infodesk.flywheel.boundary.TrafficSimulation.Progress.class)
  public Response start() {
    return Response.accepted(simulation.start()).build();
  }

  @GET
  @Operation(summary = "Where the latest simulated week stands")
  public TrafficSimulation.Progress progress() {
    return simulation.progress();
  }
}
