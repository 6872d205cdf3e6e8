package io.infodesk.flywheel.boundary;

import io.infodesk.flywheel.entity.FlywheelCycle;
import io.infodesk.platform.boundary.JsonColumns;
import io.infodesk.platform.boundary.Params;
import io.infodesk.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonStructure;
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

/** Flywheel cycles (admin): start one, watch its steps and funnel. */
@Path("flywheel/cycles")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "flywheel", description = "Flywheel cycles (admin)")
public class CyclesResource {

  /** A cycle with its steps and funnel. */
  public record CycleView(
      long id,
      String trigger,
      String node,
      String status,
      JsonStructure steps,
      JsonStructure funnel,
      String failure,
      Instant startedAt,
      Instant finishedAt) {
    public static CycleView of(FlywheelCycle c) {
      return new CycleView(
          c.getId(),
          c.getTrigger(),
          c.getNode(),
          c.getStatus(),
          JsonColumns.parse(c.getSteps()),
          JsonColumns.parse(c.getFunnel()),
          c.getFailure(),
          c.getStartedAt(),
          c.getFinishedAt());
    }
  }

  @EJB FlywheelService flywheel;

  /** The outcome of a drift check. */
  public record DriftCheck(boolean drift, String reason) {}

  @POST
  @Path("drift-check")
  @Operation(
      summary = "Check satisfaction and router agreement now; starts a cycle on drift (admin)")
  public DriftCheck driftCheck() {
    var reason = flywheel.checkDrift();
    return new DriftCheck(reason.isPresent(), reason.orElse(null));
  }

  @GET
  @Operation(summary = "Cycles, newest first")
  public List<CycleView> list(@QueryParam("first") String first, @QueryParam("max") String max) {
    return flywheel
        .list(
            Params.intParam("first", first, 0, 0, Integer.MAX_VALUE),
            Params.intParam("max", max, 20, 1, 200))
        .stream()
        .map(CycleView::of)
        .toList();
  }

  @POST
  @Operation(summary = "Start a cycle now; 409 while another runs anywhere in the cluster")
  @io.infodesk.platform.boundary.Answers(status = 202, value = CyclesResource.CycleView.class)
  public Response start() {
    return accepted(flywheel.startByAdmin());
  }

  /** 202 with the cycle to poll, at the address given in Location. */
  public static Response accepted(FlywheelCycle cycle) {
    return Response.accepted(CycleView.of(cycle))
        .location(java.net.URI.create("flywheel/cycles/" + cycle.getId()))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One cycle: each step's status and timing, and the funnel")
  public CycleView get(@PathParam("id") String id) {
    return CycleView.of(flywheel.get(Params.id("cycle", id)));
  }
}
