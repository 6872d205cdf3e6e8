package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.knowledge.entity.SourceStatus;
import io.infodesk.platform.boundary.Params;
import io.infodesk.platform.boundary.Problem;
import io.infodesk.platform.control.UploadLimits;
import io.infodesk.platform.entity.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Knowledge owners' sources in their domains: upload (multipart), poll, inspect, retire, re-index.
 */
@Path("sources")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "sources", description = "Knowledge sources (owners of the domain, admins)")
public class SourcesResource {

  /** A source as listed: never its bytes. */
  public record SourceView(
      long id,
      String domain,
      String title,
      String filename,
      String mediaType,
      long sizeBytes,
      String status,
      String failure,
      String warning,
      int chunkCount,
      String uploadedBy,
      Instant createdAt,
      Instant updatedAt) {
    static SourceView of(Source s) {
      return new SourceView(
          s.getId(),
          s.getDomain().getKey(),
          s.getTitle(),
          s.getFilename(),
          s.getMediaType(),
          s.getSizeBytes(),
          s.getStatus().name(),
          s.getFailure(),
          s.getWarning(),
          s.getChunkCount(),
          s.getUploadedBy(),
          s.getCreatedAt(),
          s.getUpdatedAt());
    }
  }

  /** A page of sources. */
  public record SourcePage(long total, int first, List<SourceView> sources) {}

  /** A chunk as previewed. */
  public record ChunkView(long id, int ordinal, String heading, String text) {}

  /** The readable text of a source, for citations. */
  public record Preview(long id, String domain, String title, String mediaType, String text) {}

  @EJB SourceService sources;
  @Inject Config config;

  @GET
  @Operation(summary = "Sources in the caller's domains, newest first; filter by domain and status")
  public SourcePage list(
      @QueryParam("domain") String domain,
      @QueryParam("status") String status,
      @QueryParam("first") String first,
      @QueryParam("max") String max) {
    SourceStatus s = null;
    if (status != null && !status.isBlank()) {
      try {
        s = SourceStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("status must be one of " + List.of(SourceStatus.values()));
      }
    }
    int from = Params.intParam("first", first, 0, 0, Integer.MAX_VALUE);
    int size = Params.intParam("max", max, 50, 1, 500);
    SourceService.Page page =
        sources.list(domain == null || domain.isBlank() ? null : domain.strip(), s, from, size);
    return new SourcePage(page.total(), from, page.sources().stream().map(SourceView::of).toList());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @jakarta.annotation.security.RolesAllowed({
    io.infodesk.security.entity.Role.KNOWLEDGE_OWNER_NAME,
    io.infodesk.security.entity.Role.ADMIN_NAME
  })
  @Operation(
      summary = "Upload one or more files (parts named 'file') into a domain (part 'domain')")
  @io.infodesk.platform.boundary.Answers(
      status = 202,
      value = SourcesResource.SourceView.class,
      list = true)
  public Response upload(List<EntityPart> parts) {
    if (parts == null || parts.isEmpty()) {
      throw new InvalidInputException(
          "send a multipart form with 'domain' and one or more 'file' parts");
    }
    String domain = null;
    List<EntityPart> files = new ArrayList<>();
    for (EntityPart part : parts) {
      if ("domain".equals(part.getName())) {
        domain = new String(read(part, 200), java.nio.charset.StandardCharsets.UTF_8).strip();
      } else if ("file".equals(part.getName())) {
        files.add(part);
      }
    }
    SourceService.checkFileCount(files.size());
    long max = UploadLimits.maxBytes(config);
    List<SourceView> created = new ArrayList<>();
    for (EntityPart file : files) {
      byte[] content = read(file, max + 1);
      String name = file.getFileName().orElse(null);
      created.add(SourceView.of(sources.upload(domain, name, content)));
    }
    return Response.accepted(created).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One source with its ingestion status (poll it until INDEXED or FAILED)")
  public SourceView get(@PathParam("id") String id) {
    return SourceView.of(sources.get(Params.id("source", id)));
  }

  @GET
  @Path("{id}/chunks")
  @Operation(summary = "The source's chunks, in order")
  public List<ChunkView> chunks(@PathParam("id") String id) {
    return sources.chunks(Params.id("source", id)).stream().map(SourcesResource::view).toList();
  }

  @GET
  @Path("{id}/preview")
  @Operation(summary = "The readable text of an indexed source (for citations; every employee)")
  public Preview preview(@PathParam("id") String id) {
    Source s = sources.preview(Params.id("source", id));
    return new Preview(
        s.getId(), s.getDomain().getKey(), s.getTitle(), s.getMediaType(), s.getBodyText());
  }

  @POST
  @Path("{id}/retire")
  @Operation(summary = "Retire a source: it leaves the index and answers no longer cite it")
  public SourceView retire(@PathParam("id") String id) {
    return SourceView.of(sources.retire(Params.id("source", id)));
  }

  @POST
  @Path("{id}/reindex")
  @Operation(summary = "Parse, chunk, embed and index the source again")
  @io.infodesk.platform.boundary.Answers(status = 202, value = SourcesResource.SourceView.class)
  public Response reindex(@PathParam("id") String id) {
    return Response.accepted(SourceView.of(sources.reindex(Params.id("source", id)))).build();
  }

  static ChunkView view(Chunk c) {
    return new ChunkView(c.getId(), c.getOrdinal(), c.getHeading(), c.getText());
  }

  private static byte[] read(EntityPart part, long limit) {
    try (InputStream in = part.getContent()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
