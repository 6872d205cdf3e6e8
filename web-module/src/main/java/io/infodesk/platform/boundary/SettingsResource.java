package io.infodesk.platform.boundary;

import io.infodesk.platform.entity.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The flywheel settings for admins: read all, change or reset the run-time ones, test the LLM. */
@Path("settings")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "settings", description = "Gates, drift, judge and review settings (admin)")
public class SettingsResource {

  /** A new value. */
  public record Change(String value) {}

  @EJB SettingsService settings;

  @GET
  @Operation(summary = "Every setting with the value in effect, and whether it can change here")
  public List<SettingsService.Setting> list() {
    return settings.effective();
  }

  @PUT
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a run-time setting on every node (within seconds)")
  public SettingsService.Setting change(@PathParam("key") String key, Change change) {
    if (change == null) {
      throw new InvalidInputException("send {\"value\": \"...\"}");
    }
    return settings.update(key, change.value());
  }

  @DELETE
  @Path("{key}")
  @Operation(summary = "Back to the configured or default value")
  public SettingsService.Setting reset(@PathParam("key") String key) {
    return settings.reset(key);
  }

  @POST
  @Path("llm-test")
  @Operation(summary = "Send one tiny prompt to the configured LLM endpoint")
  public SettingsService.ConnectionTest testLlm() {
    return settings.testLlm();
  }
}
