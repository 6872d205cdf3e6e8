package io.infodesk.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A setting an admin changed at run time; it overrides MicroProfile Config until reset. */
@Entity
@Table(name = "app_setting")
@NamedQuery(name = AppSetting.FIND_ALL, query = "SELECT s FROM AppSetting s")
public class AppSetting {
  public static final String FIND_ALL = "AppSetting.findAll";

  @Id
  @Column(name = "setting_key")
  private String key;

  @Column(name = "setting_value")
  private String value;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected AppSetting() {}

  public AppSetting(String key, String value, String updatedBy) {
    this.key = key;
    change(value, updatedBy);
  }

  public void change(String value, String updatedBy) {
    this.value = value;
    this.updatedBy = updatedBy;
    this.updatedAt = Instant.now();
  }

  public String getKey() {
    return key;
  }

  public String getValue() {
    return value;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
