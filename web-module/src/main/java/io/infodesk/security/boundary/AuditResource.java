package io.infodesk.security.boundary;

import io.infodesk.platform.boundary.Params;
import io.infodesk.platform.boundary.Problem;
import io.infodesk.security.entity.AuditEntry;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, newest first (admin). */
@Path("audit")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "audit", description = "Privileged actions (admin)")
public class AuditResource {

  /** A page of the log. */
  public record AuditPage(long total, int first, List<AuditEntry> entries) {}

  @EJB AuditService audit;

  @GET
  @Operation(summary = "A page of audit entries, newest first")
  public AuditPage page(@QueryParam("first") String first, @QueryParam("max") String max) {
    int from = Params.intParam("first", first, 0, 0, Integer.MAX_VALUE);
    int size = Params.intParam("max", max, 50, 1, 500);
    return new AuditPage(audit.count(), from, audit.recent(from, size));
  }
}
