package io.infodesk.portal.shell;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages on the page: what happened, or what went wrong, in words (never a stack trace). */
public final class Messages {

  private Messages() {}

  public static void info(String text) {
    add(FacesMessage.SEVERITY_INFO, text);
  }

  /** Done, but with something the user should know. */
  public static void warn(String text) {
    add(FacesMessage.SEVERITY_WARN, text);
  }

  public static void error(Throwable e) {
    add(FacesMessage.SEVERITY_ERROR, reason(e));
  }

  /** The innermost message: the service's own words rather than the EJB wrapper's. */
  public static String reason(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t != null) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
      t = t.getCause();
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
