package io.infodesk.registry.boundary;

import io.infodesk.platform.boundary.JsonColumns;
import io.infodesk.platform.boundary.Params;
import io.infodesk.platform.boundary.Problem;
import io.infodesk.routing.entity.RouterModel;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Router models (admin): compare the candidates, promote one, roll back. Training them is the
 * flywheel's ({@code POST /api/models/training}, {@code
 * io.infodesk.flywheel.boundary.TrainingResource}).
 */
@Path("models")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "models", description = "Router model registry (admin)")
public class ModelsResource {

  /** A model version as listed, with its evaluation and gate decision. */
  public record ModelView(
      long id,
      String version,
      String architecture,
      String status,
      List<String> labels,
      double threshold,
      long parameters,
      long sizeBytes,
      String checksum,
      String device,
      JsonStructure metrics,
      JsonStructure gate,
      String trainingSummary,
      Instant createdAt,
      Instant activatedAt) {
    static ModelView of(RouterModel m) {
      return new ModelView(
          m.getId(),
          m.getVersion(),
          m.getArchitecture(),
          m.getStatus().name(),
          List.of(m.getLabels().split(",")),
          m.getThreshold(),
          m.getParameters(),
          m.getSizeBytes(),
          m.getChecksum(),
          m.getDevice(),
          JsonColumns.parse(m.getMetrics()),
          JsonColumns.parse(m.getGate()),
          m.getTrainingSummary(),
          m.getCreatedAt(),
          m.getActivatedAt());
    }
  }

  @EJB RegistryService registry;

  @GET
  @Operation(summary = "All router model versions, newest first")
  public List<ModelView> list() {
    return registry.list().stream().map(ModelView::of).toList();
  }

  @POST
  @Path("{id}/promotion")
  @Operation(summary = "Make a candidate that passed its gates the live router")
  public ModelView promote(@PathParam("id") String id) {
    return ModelView.of(registry.promote(Params.id("model", id)));
  }

  @POST
  @Path("{id}/shadow")
  @Operation(
      summary = "Let a candidate score live traffic beside the live router (it never answers)")
  public ModelView shadow(@PathParam("id") String id) {
    return ModelView.of(registry.shadow(Params.id("model", id)));
  }

  @GET
  @Path("{id}/agreement")
  @Operation(summary = "How often the model's shadow routes agreed with the live router's")
  public RegistryService.Agreement agreement(@PathParam("id") String id) {
    return registry.agreement(Params.id("model", id));
  }

  @POST
  @Path("rollback")
  @Operation(summary = "Go back to the router that was live before the current one")
  public Map<String, String> rollback() {
    return Map.of("live", registry.rollback());
  }
}
