package io.infodesk.portal.knowledge;

import io.infodesk.answering.boundary.PlaygroundService;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The owners' playground: ask as one of their domains and see route, passages and answer. */
@Named
@ViewScoped
public class PlaygroundPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB PlaygroundService playground;
  @Inject Shell shell;

  private String domain;
  private String question;
  private PlaygroundService.Trial trial;

  @PostConstruct
  void load() {
    if (shell.getCaller() != null && !shell.getCaller().domains().isEmpty()) {
      domain = shell.getCaller().domains().get(0).key();
    }
  }

  public void ask() {
    try {
      trial = playground.trial(domain, question);
    } catch (RuntimeException e) {
      trial = null;
      Messages.error(e);
    }
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  public PlaygroundService.Trial getTrial() {
    return trial;
  }
}
