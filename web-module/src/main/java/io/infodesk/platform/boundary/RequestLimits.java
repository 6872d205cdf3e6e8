package io.infodesk.platform.boundary;

import io.infodesk.platform.control.UploadLimits;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * What is checked before a body is read: an operation marked {@code @RolesAllowed} refuses a caller
 * without one of those roles (403) before a large upload is buffered, and a body over its cap is
 * refused with 413: 256 KiB for JSON, 50 MiB for a JSONL import, and for a multipart upload twenty
 * files at the configured size limit. A body that declares its Content-Length is judged by it; a
 * chunked one is read up to its cap first (JSON into memory, anything else into a temporary file).
 * Multipart parts over a few KiB are held in temporary files by the multipart reader, never whole
 * in the heap; the sources service then holds each file to the size and count limits.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RequestLimits implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(RequestLimits.class.getName());
  private static final String SPOOLED = RequestLimits.class.getName() + ".spooled";

  public static final long JSON_LIMIT = 256 * 1024;
  public static final long JSONL_LIMIT = 50L * 1024 * 1024;

  @Context ResourceInfo resource;
  @Inject Config config;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    RolesAllowed roles = RequestBodyPolicy.original(method).getAnnotation(RolesAllowed.class);
    if (roles != null) {
      boolean allowed = false;
      for (String role : roles.value()) {
        allowed |= request.getSecurityContext().isUserInRole(role);
      }
      if (!allowed) {
        request.abortWith(
            Problem.of(
                    Response.Status.FORBIDDEN,
                    "this operation needs one of the roles " + String.join(", ", roles.value()),
                    null)
                .toResponse());
        return;
      }
    }
    if (!request.hasEntity()) {
      return;
    }
    MediaType type = request.getMediaType();
    long limit = limit(type);
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      // the container reads no more than Content-Length, so the declared size is the one to check
      try {
        if (Long.parseLong(length.strip()) > limit) {
          request.abortWith(tooLarge(limit));
        }
      } catch (NumberFormatException e) {
        request.abortWith(
            Problem.of(Response.Status.BAD_REQUEST, "Content-Length is not a number", null)
                .toResponse());
      }
      return;
    }
    spool(request, limit);
  }

  /** The cap of a body of this type: JSON, a multipart upload, or anything else (JSONL). */
  long limit(MediaType type) {
    if (type != null && type.getType().equalsIgnoreCase("multipart")) {
      return UploadLimits.maxUploadBytes(config);
    }
    return type != null && RequestBodyPolicy.isJson(type) ? JSON_LIMIT : JSONL_LIMIT;
  }

  /**
   * A body of unknown length (chunked) is read here, up to its cap, before any reader sees it: a
   * JSON body into memory, anything else into a temporary file that is deleted when the request
   * ends. One byte over the cap and the request is refused with 413.
   */
  private static void spool(ContainerRequestContext request, long limit) {
    try (InputStream in = request.getEntityStream()) {
      if (limit <= JSON_LIMIT) {
        byte[] body = in.readNBytes((int) limit + 1);
        if (body.length > limit) {
          request.abortWith(tooLarge(limit));
        } else {
          request.setEntityStream(new ByteArrayInputStream(body));
        }
        return;
      }
      Path file = Files.createTempFile("infodesk-body-", ".part");
      long copied;
      try (OutputStream out = Files.newOutputStream(file)) {
        copied = in.transferTo(new CappedOutputStream(out, limit));
      } catch (CappedOutputStream.Full full) {
        Files.deleteIfExists(file);
        request.abortWith(tooLarge(limit));
        return;
      }
      InputStream spooled = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
      request.setProperty(SPOOLED, spooled);
      request.setEntityStream(spooled);
      LOG.fine(() -> "spooled a chunked body of " + copied + " bytes to " + file);
    } catch (IOException e) {
      request.abortWith(
          Problem.of(Response.Status.BAD_REQUEST, "the request body could not be read", null)
              .toResponse());
    }
  }

  /** Deletes a spooled body when the request is done, whether or not a reader closed it. */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    if (request.getProperty(SPOOLED) instanceof InputStream spooled) {
      spooled.close();
    }
  }

  private static Response tooLarge(long limit) {
    return Problem.of(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "the request body is over its limit of " + limit / 1024 + " KiB",
            null)
        .toResponse();
  }

  /** Passes bytes through until one more than the cap would be written. */
  private static final class CappedOutputStream extends FilterOutputStream {
    static final class Full extends IOException {
      Full() {
        super("over the cap");
      }
    }

    private long left;

    CappedOutputStream(OutputStream out, long cap) {
      super(out);
      this.left = cap;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new Full();
      }
      left -= len;
      out.write(b, off, len);
    }
  }
}
