package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Domain;
import io.infodesk.platform.boundary.Problem;
import io.infodesk.platform.entity.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Knowledge domains: everyone reads them; admins create them; owners edit theirs. Their fusion
 * weights are tuned by retrieval ({@code io.infodesk.retrieval.boundary.TuningResource}).
 */
@Path("domains")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "domains", description = "Knowledge domains, their exemplars and fusion weights")
public class DomainsResource {

  /** A domain as listed. */
  public record DomainView(
      String key,
      String name,
      String description,
      boolean active,
      List<String> exemplars,
      double keywordWeight,
      double vectorWeight) {
    static DomainView of(Domain d) {
      return new DomainView(
          d.getKey(),
          d.getName(),
          d.getDescription(),
          d.isActive(),
          d.getExemplars(),
          d.getKeywordWeight(),
          d.getVectorWeight());
    }
  }

  /** A new domain. */
  public record NewDomain(String key, String name, String description, List<String> exemplars) {}

  @EJB DomainService domains;

  @GET
  @Operation(summary = "All knowledge domains")
  public List<DomainView> list() {
    return domains.list().stream().map(DomainView::of).toList();
  }

  @GET
  @Path("{key}")
  @Operation(summary = "One domain")
  public DomainView get(@PathParam("key") String key) {
    return DomainView.of(domains.get(key));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a domain (admin)")
  @io.infodesk.platform.boundary.Answers(status = 201, value = DomainsResource.DomainView.class)
  public Response create(NewDomain d) {
    if (d == null) {
      throw new InvalidInputException("send key, name, description and exemplars");
    }
    return Response.status(Response.Status.CREATED)
        .entity(DomainView.of(domains.create(d.key(), d.name(), d.description(), d.exemplars())))
        .build();
  }

  @PUT
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a domain's name, description or exemplars (its owners, admins)")
  public DomainView update(@PathParam("key") String key, DomainService.DomainUpdate update) {
    return DomainView.of(domains.update(key, update));
  }
}
