package io.infodesk.knowledge.boundary;

import io.infodesk.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The knowledge domains. */
@Path("domains")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "domains", description = "Knowledge domains")
public class DomainsResource {

  /** A domain as listed. */
  public record DomainView(String key, String name, String description, boolean active) {}

  @EJB DomainService domains;

  @GET
  @Operation(summary = "All knowledge domains")
  public List<DomainView> list() {
    return domains.list().stream()
        .map(d -> new DomainView(d.getKey(), d.getName(), d.getDescription(), d.isActive()))
        .toList();
  }
}
