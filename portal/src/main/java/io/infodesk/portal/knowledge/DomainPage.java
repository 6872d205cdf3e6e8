package io.infodesk.portal.knowledge;

import io.infodesk.feedback.boundary.ContentGapService;
import io.infodesk.feedback.model.GapClusters;
import io.infodesk.knowledge.boundary.DomainService;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A knowledge owner's domain settings (the description and exemplar utterances the zero-shot router
 * learns from) and the content gaps of their domains.
 */
@Named
@ViewScoped
public class DomainPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB DomainService domains;
  @EJB ContentGapService gaps;
  @Inject Shell shell;

  private boolean allowed;
  private String key;
  private String name;
  private String description;
  private String exemplars;
  private List<GapClusters.Gap> gapList = List.of();

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
    if (allowed) {
      if (!shell.getCaller().domains().isEmpty()) {
        key = shell.getCaller().domains().get(0).key();
        read();
      }
      gapList = gaps.gaps();
    }
  }

  /** Loads the chosen domain's settings into the form. */
  public void read() {
    try {
      Domain d = domains.get(key);
      name = d.getName();
      description = d.getDescription();
      exemplars = String.join("\n", d.getExemplars());
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public void save() {
    try {
      List<String> lines =
          Arrays.stream(exemplars == null ? new String[0] : exemplars.split("\\R"))
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .toList();
      Domain d = domains.update(key, new DomainService.DomainUpdate(name, description, lines));
      Messages.info(
          d.getName()
              + " saved with "
              + d.getExemplars().size()
              + " exemplars; the router uses them from the next question.");
      read();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public boolean isAllowed() {
    return allowed;
  }

  public List<GapClusters.Gap> getGaps() {
    return gapList;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getExemplars() {
    return exemplars;
  }

  public void setExemplars(String exemplars) {
    this.exemplars = exemplars;
  }
}
