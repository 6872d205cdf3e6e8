package io.infodesk.portal.knowledge;

import io.infodesk.knowledge.boundary.SourceService;
import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.knowledge.entity.SourceStatus;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Knowledge owners' sources in their domains: a lazy, paged table filtered by domain and status,
 * uploads of several files at once whose status updates until INDEXED or FAILED, and a detail
 * dialog with the chunks and the retire and re-index actions. {@link SourceService} checks the
 * domains again.
 */
@Named
@ViewScoped
public class SourcesPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB SourceService sources;
  @Inject Shell shell;

  private boolean allowed;
  private String domain;
  private String status;
  private String uploadDomain;
  private Source selected;
  private List<Chunk> chunks = List.of();
  private boolean busy;
  private final LazyDataModel<Source> model = new SourceModel();

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
    if (allowed && !shell.getCaller().domains().isEmpty()) {
      uploadDomain = shell.getCaller().domains().get(0).key();
    }
  }

  /** One page of the filtered sources, straight from the service. */
  private final class SourceModel extends LazyDataModel<Source> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) page(0, 1).total();
    }

    @Override
    public List<Source> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SourceService.Page page = page(first, pageSize);
      setRowCount((int) page.total());
      busy =
          page.sources().stream()
              .anyMatch(
                  s ->
                      s.getStatus() != SourceStatus.INDEXED
                          && s.getStatus() != SourceStatus.FAILED
                          && s.getStatus() != SourceStatus.RETIRED);
      return page.sources();
    }

    @Override
    public String getRowKey(Source s) {
      return String.valueOf(s.getId());
    }

    @Override
    public Source getRowData(String key) {
      return sources.get(Long.parseLong(key));
    }
  }

  private SourceService.Page page(int first, int max) {
    return sources.list(
        blank(domain) ? null : domain,
        blank(status) ? null : SourceStatus.valueOf(status),
        first,
        max);
  }

  /** Each uploaded file becomes a source; ingestion runs in the background. */
  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      Source s = sources.upload(uploadDomain, event.getFile().getFileName(), in.readAllBytes());
      Messages.info("“" + s.getFilename() + "” queued for " + uploadDomain + ".");
      busy = true;
    } catch (IOException | RuntimeException e) {
      Messages.error(e);
    }
  }

  public void open(long id) {
    try {
      selected = sources.get(id);
      chunks = selected.getStatus() == SourceStatus.INDEXED ? sources.chunks(id) : List.of();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public void retire() {
    try {
      selected = sources.retire(selected.getId());
      chunks = List.of();
      Messages.info("“" + selected.getTitle() + "” retired: it is no longer cited.");
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public void reindex() {
    try {
      selected = sources.reindex(selected.getId());
      busy = true;
      Messages.info("“" + selected.getTitle() + "” queued for re-indexing.");
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public List<String> getStatuses() {
    return java.util.Arrays.stream(SourceStatus.values()).map(Enum::name).toList();
  }

  public boolean isAllowed() {
    return allowed;
  }

  public boolean isBusy() {
    return busy;
  }

  public LazyDataModel<Source> getModel() {
    return model;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getUploadDomain() {
    return uploadDomain;
  }

  public void setUploadDomain(String uploadDomain) {
    this.uploadDomain = uploadDomain;
  }

  public Source getSelected() {
    return selected;
  }

  public List<Chunk> getChunks() {
    return chunks;
  }
}
