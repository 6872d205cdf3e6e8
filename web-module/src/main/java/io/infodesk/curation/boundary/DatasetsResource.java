package io.infodesk.curation.boundary;

import io.infodesk.curation.entity.DatasetVersion;
import io.infodesk.curation.model.LabelledRows;
import io.infodesk.platform.boundary.JsonColumns;
import io.infodesk.platform.boundary.Params;
import io.infodesk.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Curated dataset versions (admin): build, list, export JSONL, import JSONL, CSV or TSV, extend the
 * frozen eval set.
 */
@Path("datasets")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "datasets", description = "Curated training data (admin)")
public class DatasetsResource {

  public static final String JSONL = "application/x-ndjson";
  public static final String CSV = "text/csv";
  public static final String TSV = "text/tab-separated-values";

  /** A version with its counts. */
  public record VersionView(
      long id,
      int version,
      String createdBy,
      int trainSize,
      int evalSize,
      JsonStructure labelCounts,
      JsonStructure provenanceCounts,
      Instant createdAt) {
    static VersionView of(DatasetVersion v) {
      return new VersionView(
          v.getId(),
          v.getVersionNo(),
          v.getCreatedBy(),
          v.getTrainSize(),
          v.getEvalSize(),
          JsonColumns.parse(v.getLabelCounts()),
          JsonColumns.parse(v.getProvenanceCounts()),
          v.getCreatedAt());
    }
  }

  @EJB DatasetService datasets;

  @GET
  @Operation(summary = "Dataset versions, newest first, with counts per label and provenance")
  public List<VersionView> list() {
    return datasets.list().stream().map(VersionView::of).toList();
  }

  @POST
  @Operation(summary = "Build a new immutable version from everything labelled so far")
  @io.infodesk.platform.boundary.Answers(status = 201, value = DatasetsResource.VersionView.class)
  public Response build() {
    return Response.status(Response.Status.CREATED)
        .entity(VersionView.of(datasets.buildByAdmin()))
        .build();
  }

  @GET
  @Path("{id}/export")
  @Produces({JSONL, Problem.MEDIA_TYPE})
  @Operation(summary = "The version as JSONL: text, label, split, provenance, interactionId")
  @io.infodesk.platform.boundary.Answers(
      status = 200,
      value = String.class,
      mediaType = DatasetsResource.JSONL)
  public Response export(@PathParam("id") String id) {
    long versionId = Params.id("dataset version", id);
    datasets.requireVersion(versionId);
    jakarta.ws.rs.core.StreamingOutput body =
        out -> {
          var writer =
              new java.io.BufferedWriter(
                  new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
          datasets.export(versionId, writer);
          writer.flush();
        };
    return Response.ok(body, JSONL)
        .header(
            "Content-Disposition",
            "attachment; filename=\"infodesk-dataset-" + versionId + ".jsonl\"")
        .build();
  }

  @POST
  @Path("import")
  @Consumes({
    JSONL,
    MediaType.TEXT_PLAIN,
    "application/jsonl",
    MediaType.APPLICATION_JSON,
    CSV,
    TSV
  })
  @jakarta.annotation.security.RolesAllowed(io.infodesk.security.entity.Role.ADMIN_NAME)
  @Operation(
      summary =
          "Import labelled examples: JSON Lines, one {\"text\", \"label\"} object a line;"
              + " application/json, an array of such objects or of [text, label] pairs (or an"
              + " object of such arrays by split); or"
              + " text/csv (comma- or semicolon-separated) or text/tab-separated-values whose"
              + " header row names a text column"
              + " (text, utterance, sentence, query, question, utt, instruction, message, answer)"
              + " and a label column (label_text, label_name, label, domain, intent, intent_name,"
              + " category, class, topic), or without a header row where columns names them in order;"
              + " all or nothing; the answer warns where MiniLM cannot read the examples' language")
  public DatasetService.Imported importRows(
      @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
      @QueryParam("columns")
          @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
              description =
                  "for CSV or TSV without a header row: its columns' names in order, separated by"
                      + " commas, as a header would name them",
              example = "label,text")
          String columns,
      String body) {
    return datasets.importRows(body, LabelledRows.Format.ofMediaType(contentType), columns);
  }

  @POST
  @Path("frozen-eval/extension")
  @Operation(
      summary = "Add examples of the latest version's training part to the frozen evaluation set")
  public Map<String, Integer> extend(@QueryParam("perLabel") String perLabel) {
    return Map.of(
        "added", datasets.extendFrozenEval(Params.intParam("perLabel", perLabel, 2, 1, 1000)));
  }
}
