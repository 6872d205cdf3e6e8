package io.infodesk.security.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Role} by its wire name, as the schema's check constraint expects. */
@Converter
public class RoleConverter implements AttributeConverter<Role, String> {
  @Override
  public String convertToDatabaseColumn(Role role) {
    return role == null ? null : role.wireName();
  }

  @Override
  public Role convertToEntityAttribute(String name) {
    return name == null
        ? null
        : Role.fromWireName(name)
            .orElseThrow(() -> new IllegalArgumentException("Unknown role " + name));
  }
}
