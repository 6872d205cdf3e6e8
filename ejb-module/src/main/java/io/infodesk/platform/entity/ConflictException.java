package io.infodesk.platform.entity;

import jakarta.ejb.ApplicationException;

/** The request clashes with the current state, such as a name already taken. Maps to HTTP 409. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
