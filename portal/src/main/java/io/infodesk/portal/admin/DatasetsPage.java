package io.infodesk.portal.admin;

import io.infodesk.curation.boundary.DatasetService;
import io.infodesk.curation.entity.DatasetVersion;
import io.infodesk.curation.model.LabelledRows;
import io.infodesk.platform.control.Jsons;
import io.infodesk.portal.shell.Charts;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * Dataset versions: sizes, examples per label and provenance mix as charts, build and export; and
 * the import of labelled examples from a file.
 */
@Named
@ViewScoped
public class DatasetsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB DatasetService datasets;
  @Inject Shell shell;

  private boolean allowed;
  private List<DatasetVersion> versions = List.of();
  private DatasetVersion selected;
  private String columns;

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
    if (allowed) {
      versions = datasets.list();
      selected = versions.isEmpty() ? null : versions.get(0);
    }
  }

  public void build() {
    try {
      DatasetVersion v = datasets.buildByAdmin();
      Messages.info("Dataset version " + v.getVersionNo() + " built.");
      load();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  /**
   * A file of labelled examples, read by its name's extension; all or nothing. The columns' field
   * is read as submitted with the file: the upload's event comes before the form's values reach
   * this page.
   */
  public void importFile(FileUploadEvent event) {
    String name = event.getFile().getFileName();
    UIComponent field = event.getComponent().findComponent("columns");
    if (field != null) {
      columns =
          FacesContext.getCurrentInstance()
              .getExternalContext()
              .getRequestParameterMap()
              .get(field.getClientId());
    }
    try (InputStream in = event.getFile().getInputStream()) {
      DatasetService.Imported done =
          datasets.importRows(
              new String(in.readAllBytes(), StandardCharsets.UTF_8),
              LabelledRows.Format.ofFileName(name),
              columns == null || columns.isBlank() ? null : columns);
      Messages.info(
          done.imported()
              + " labelled examples imported from “"
              + name
              + "”: build a version to train on them.");
      if (done.warning() != null) {
        Messages.warn(done.warning());
      }
    } catch (IOException | RuntimeException e) {
      Messages.error(e);
    }
  }

  /** The columns' names of a file without a header row, as the admin typed them; blank: none. */
  public String getColumns() {
    return columns;
  }

  public void setColumns(String columns) {
    this.columns = columns;
  }

  public void select(DatasetVersion v) {
    selected = v;
  }

  public String getLabelChart() {
    return selected == null ? null : chart("Examples per label", selected.getLabelCounts());
  }

  public String getProvenanceChart() {
    return selected == null
        ? null
        : chart("Examples per provenance", selected.getProvenanceCounts());
  }

  private static String chart(String title, String json) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    try (var reader =
        Jsons.JSON.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
      JsonObject o = reader.readObject();
      o.forEach(
          (k, v) -> {
            if (v instanceof JsonNumber n) {
              labels.add(k);
              values.add(n.longValue());
            }
          });
    }
    return Charts.bars(title, labels, values);
  }

  public boolean isAllowed() {
    return allowed;
  }

  public List<DatasetVersion> getVersions() {
    return versions;
  }

  public DatasetVersion getSelected() {
    return selected;
  }
}
