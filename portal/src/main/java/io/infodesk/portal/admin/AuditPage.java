package io.infodesk.portal.admin;

import io.infodesk.portal.shell.Shell;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.AuditEntry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit log, newest first, paged lazily from the database. */
@Named
@ViewScoped
public class AuditPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB AuditService audit;
  @Inject Shell shell;

  private boolean allowed;

  private final LazyDataModel<AuditEntry> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) audit.count();
        }

        @Override
        public List<AuditEntry> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return audit.recent(first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry e) {
          return String.valueOf(e.getId());
        }
      };

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
  }

  public boolean isAllowed() {
    return allowed;
  }

  public LazyDataModel<AuditEntry> getModel() {
    return model;
  }
}
