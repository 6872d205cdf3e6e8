package io.infodesk.security.entity;

import java.util.Arrays;
import java.util.Optional;

/** The four application roles; the wire name is what the container, the API and the DB use. */
public enum Role {
  EMPLOYEE("employee"),
  KNOWLEDGE_OWNER("knowledge-owner"),
  SME("sme"),
  ADMIN("admin");

  public static final String EMPLOYEE_NAME = "employee";
  public static final String KNOWLEDGE_OWNER_NAME = "knowledge-owner";
  public static final String SME_NAME = "sme";
  public static final String ADMIN_NAME = "admin";

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Role> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
