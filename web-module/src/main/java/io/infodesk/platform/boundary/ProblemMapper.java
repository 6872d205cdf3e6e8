package io.infodesk.platform.boundary;

import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into an application/problem+json response, with a
 * message a client can act on and never a stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable thrown) {
    String instance = request == null ? null : request.getRequestURI();
    Response known = known(unwrap(thrown), instance);
    if (known != null) {
      return known;
    }
    Problem problem = problemOf(thrown, instance);
    log(problem, thrown);
    return problem.toResponse();
  }

  /** Logs what {@link #problemOf} made of an exception no resource turned into a response. */
  static void log(Problem problem, Throwable thrown) {
    if (problem.status() >= 500) {
      LOG.log(Level.SEVERE, "Unexpected error on " + problem.instance(), thrown);
      return;
    }
    // a refusal (a request that lost a race for a row): the client was told, nothing is broken
    LOG.info(
        () ->
            "Refused "
                + problem.instance()
                + " with "
                + problem.status()
                + ": "
                + problem.detail());
    LOG.log(Level.FINE, "what the refused request met", thrown);
  }

  /**
   * The problem an exception that no resource turned into a response is, when it is not one of the
   * application's own: a conflict where the database refused a row that a request made at the same
   * time already wrote (each had checked before, and the unique key decided at commit), else a
   * server error.
   */
  static Problem problemOf(Throwable thrown, String instance) {
    if (concurrentWriteRefused(thrown)) {
      return Problem.of(
          Status.CONFLICT,
          "What this request would write was changed by another request at the same time; reload"
              + " and try again if it is still needed.",
          instance);
    }
    return Problem.of(
        Status.INTERNAL_SERVER_ERROR,
        "An unexpected error occurred; it has been logged.",
        instance);
  }

  /**
   * Whether the database refused a write for a row another transaction wrote or removed: a unique
   * key (SQL state 23505) or a foreign key (23503), in H2 and PostgreSQL alike. A missing value
   * (23502) or a failed check (23514) is this application's own error, not a race.
   */
  static boolean concurrentWriteRefused(Throwable thrown) {
    // a bounded walk: a cause chain may loop
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().equals("23505") || sql.getSQLState().equals("23503"))) {
        return true;
      }
    }
    return false;
  }

  private Response known(Throwable e, String instance) {
    if (e instanceof InvalidInputException) {
      return Problem.of(Status.BAD_REQUEST, e.getMessage(), instance).toResponse();
    }
    if (e instanceof UnknownEntityException) {
      return Problem.of(Status.NOT_FOUND, e.getMessage(), instance).toResponse();
    }
    if (e instanceof ConflictException) {
      return Problem.of(Status.CONFLICT, e.getMessage(), instance).toResponse();
    }
    if (e instanceof io.infodesk.platform.entity.ForbiddenException) {
      return Problem.of(Status.FORBIDDEN, e.getMessage(), instance).toResponse();
    }
    if (e instanceof EJBAccessException || e instanceof AccessLocalException) {
      return Problem.of(Status.FORBIDDEN, "Your roles do not allow this action.", instance)
          .toResponse();
    }
    if (e instanceof JsonbException) {
      return Problem.of(
              Status.BAD_REQUEST, "The request body is not valid JSON for this call.", instance)
          .toResponse();
    }
    if (e instanceof WebApplicationException wae) {
      int status = wae.getResponse().getStatus();
      Status known = Status.fromStatusCode(status);
      String detail =
          switch (status) {
            case 404 -> "There is no resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource cannot produce the requested media type.";
            case 415 -> "This media type is not supported here; send application/json.";
            default -> wae.getMessage();
          };
      if (status == 400 && wae.getCause() != null) {
        detail = "The request body is not valid JSON for this call.";
      }
      return new Problem(
              "about:blank",
              known == null ? "Error" : known.getReasonPhrase(),
              status,
              detail,
              instance)
          .toResponse();
    }
    return null;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof EJBException
            && !(current instanceof EJBAccessException)
            && !(current instanceof AccessLocalException))
        && current.getCause() != null) {
      current = current.getCause();
    }
    if (current instanceof jakarta.ws.rs.ProcessingException
        && current.getCause() instanceof JsonbException) {
      return current.getCause();
    }
    return current;
  }
}
