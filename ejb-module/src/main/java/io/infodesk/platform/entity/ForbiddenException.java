package io.infodesk.platform.entity;

import jakarta.ejb.ApplicationException;

/** The caller is known but may not do this here, such as outside their domains. Maps to 403. */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
