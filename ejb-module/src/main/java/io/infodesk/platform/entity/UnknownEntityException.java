package io.infodesk.platform.entity;

import jakarta.ejb.ApplicationException;

/** The thing named by the caller does not exist (or is not theirs to see). Maps to HTTP 404. */
@ApplicationException(rollback = true)
public class UnknownEntityException extends RuntimeException {
  public UnknownEntityException(String message) {
    super(message);
  }
}
