package io.infodesk.security.boundary;

import io.infodesk.platform.boundary.Problem;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.security.entity.ApiToken;
import io.infodesk.security.entity.CallerProfile;
import io.infodesk.security.entity.IssuedToken;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account: profile, roles and domains, and personal API tokens. */
@Path("me")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "me", description = "The signed-in caller")
public class MeResource {

  /** What a client sends to get a token. */
  public record TokenRequest(String label, Integer validDays) {}

  /** What a caller sends to change their password. */
  public record PasswordChange(String currentPassword, String newPassword) {}

  /** A token as listed: never its secret. */
  public record TokenView(
      Long id, String label, Instant createdAt, Instant expiresAt, boolean revoked) {
    static TokenView of(ApiToken t) {
      return new TokenView(
          t.getId(), t.getLabel(), t.getCreatedAt(), t.getExpiresAt(), t.isRevoked());
    }
  }

  @EJB UserService users;
  @EJB ApiTokenService tokens;

  @GET
  @Operation(summary = "The caller's name, roles and assigned domains")
  @APIResponse(responseCode = "200", description = "The caller")
  @APIResponse(responseCode = "401", description = "Not signed in")
  public CallerProfile me() {
    return users.me();
  }

  @GET
  @Path("tokens")
  @Operation(summary = "The caller's API tokens, without their secrets")
  public List<TokenView> tokens() {
    return tokens.mine().stream().map(TokenView::of).toList();
  }

  @POST
  @Path("tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Issue a bearer token; its secret is shown only in this response")
  @APIResponse(responseCode = "201", description = "The token, with its secret")
  @APIResponse(responseCode = "400", description = "Missing or bad label or validDays")
  @APIResponse(
      responseCode = "403",
      description = "Called with a bearer token: minting needs the password or the portal session")
  @io.infodesk.platform.boundary.Answers(
      status = 201,
      value = io.infodesk.security.entity.IssuedToken.class)
  public Response issue(
      TokenRequest request, @jakarta.ws.rs.HeaderParam("Authorization") String authorization) {
    if (authorization != null && authorization.strip().regionMatches(true, 0, "Bearer ", 0, 7)) {
      // a stolen token must not outlive its own expiry by minting fresh ones
      throw new io.infodesk.platform.entity.ForbiddenException(
          "a bearer token cannot issue tokens: sign in with your password (HTTP Basic) or the"
              + " portal");
    }
    if (request == null) {
      throw new InvalidInputException("send {\"label\": \"...\", \"validDays\": 90}");
    }
    IssuedToken issued = tokens.issue(request.label(), request.validDays());
    return Response.status(Response.Status.CREATED).entity(issued).build();
  }

  @PUT
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change the caller's password (the current one is required); revokes their tokens")
  @APIResponse(responseCode = "204", description = "Changed; every token of the caller revoked")
  @APIResponse(responseCode = "400", description = "Wrong current password or a weak new one")
  @io.infodesk.platform.boundary.Answers(status = 204)
  public Response changePassword(PasswordChange request) {
    if (request == null) {
      throw new InvalidInputException(
          "send {\"currentPassword\": \"...\", \"newPassword\": \"...\"}");
    }
    users.changePassword(request.currentPassword(), request.newPassword());
    return Response.noContent().build();
  }

  @DELETE
  @Path("tokens/{id}")
  @Operation(summary = "Revoke one of the caller's tokens")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", description = "No such token of the caller's")
  @io.infodesk.platform.boundary.Answers(status = 204)
  public Response revoke(@PathParam("id") String id) {
    tokens.revoke(io.infodesk.platform.boundary.Params.id("token", id));
    return Response.noContent().build();
  }
}
