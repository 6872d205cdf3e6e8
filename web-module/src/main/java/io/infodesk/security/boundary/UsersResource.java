package io.infodesk.security.boundary;

import io.infodesk.platform.boundary.Problem;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.security.entity.AppUser;
import io.infodesk.security.entity.CallerProfile;
import io.infodesk.security.entity.NewUser;
import io.infodesk.security.entity.Role;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins manage accounts and assign owners and SMEs to domains. */
@Path("users")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "users", description = "Accounts and domain assignments (admin)")
public class UsersResource {

  /** An account as admins see it: never its password hash. */
  public record UserView(
      String username,
      String displayName,
      boolean enabled,
      List<String> roles,
      List<CallerProfile.DomainRef> domains,
      List<String> ownerDomains,
      List<String> smeDomains) {
    static UserView of(AppUser u, List<CallerProfile.DomainRef> domains) {
      return new UserView(
          u.getUsername(),
          u.getDisplayName(),
          u.isEnabled(),
          u.getRoles().stream().map(Role::wireName).sorted().toList(),
          domains,
          u.domainKeysAs(Role.KNOWLEDGE_OWNER_NAME).stream().sorted().toList(),
          u.domainKeysAs(Role.SME_NAME).stream().sorted().toList());
    }
  }

  /** The domains to assign. */
  public record DomainAssignment(List<String> domains, List<String> owner, List<String> sme) {}

  /** Whether an account may sign in. */
  public record Enablement(Boolean enabled) {}

  @EJB UserService users;
  @EJB ApiTokenService tokens;

  @GET
  @Operation(summary = "All accounts")
  public List<UserView> list() {
    return users.list().stream().map(this::view).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an account with roles and domains")
  @io.infodesk.platform.boundary.Answers(status = 201, value = UsersResource.UserView.class)
  public Response create(NewUser request) {
    return Response.status(Response.Status.CREATED).entity(view(users.create(request))).build();
  }

  @PUT
  @Path("{username}/domains")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a user's domain assignments")
  public UserView assign(@PathParam("username") String username, DomainAssignment request) {
    if (request == null
        || (request.domains() == null && request.owner() == null && request.sme() == null)) {
      throw new InvalidInputException(
          "send {\"owner\": [\"hr\", ...], \"sme\": [...]} (the domains per role), or"
              + " {\"domains\": [...]} for every role the user has");
    }
    if (request.domains() != null) {
      return view(users.assignDomains(username, request.domains()));
    }
    return view(users.assignScopedDomains(username, request.owner(), request.sme()));
  }

  @PUT
  @Path("{username}/enabled")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Disable or enable an account; disabling revokes its API tokens")
  public UserView enable(@PathParam("username") String username, Enablement request) {
    if (request == null) {
      throw new InvalidInputException("send {\"enabled\": true or false}");
    }
    return view(users.setEnabled(username, request.enabled()));
  }

  @GET
  @Path("{username}/tokens")
  @Operation(summary = "A user's API tokens, without their secrets (admin)")
  public List<MeResource.TokenView> tokens(@PathParam("username") String username) {
    return tokens.of(username).stream().map(MeResource.TokenView::of).toList();
  }

  @DELETE
  @Path("{username}/tokens/{id}")
  @Operation(summary = "Revoke one of a user's API tokens (admin)")
  @io.infodesk.platform.boundary.Answers(status = 204)
  public Response revoke(@PathParam("username") String username, @PathParam("id") String id) {
    tokens.revokeOf(username, io.infodesk.platform.boundary.Params.id("token", id));
    return Response.noContent().build();
  }

  private UserView view(AppUser u) {
    return UserView.of(u, users.domainRefs(u.getDomainKeys()));
  }
}
