package io.infodesk.platform.entity;

import jakarta.ejb.ApplicationException;

/** The caller sent something that breaks a rule; nothing was changed. Maps to HTTP 400. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {
  public InvalidInputException(String message) {
    super(message);
  }
}
