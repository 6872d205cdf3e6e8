package io.infodesk.platform.boundary;

import io.infodesk.platform.entity.ClusterNode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The running nodes with their roles and heartbeats (admin). */
@Path("platform/nodes")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "platform", description = "Nodes and operations (admin)")
public class NodesResource {

  @EJB ClusterNodeService nodes;
  @EJB ErrorLog errors;

  @GET
  @Operation(summary = "Nodes, their roles and their heartbeat timers")
  public List<ClusterNode> list() {
    return nodes.list();
  }

  @GET
  @Path("local/errors")
  @Operation(
      summary =
          "How many records the node that answers logged at SEVERE since it started, and the"
              + " latest of them (infodesk_log_errors_total in /metrics)")
  public ErrorLog.Errors errors() {
    return errors.errors();
  }
}
