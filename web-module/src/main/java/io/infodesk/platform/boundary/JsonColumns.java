package io.infodesk.platform.boundary;

import io.infodesk.platform.control.Jsons;
import jakarta.json.JsonStructure;
import java.io.StringReader;

/** Turns the JSON text stored in a column back into JSON for an API response. */
public final class JsonColumns {
  private JsonColumns() {}

  /** The parsed JSON, or null for an empty column. */
  public static JsonStructure parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (var reader = Jsons.JSON.createReader(new StringReader(text))) {
      return reader.read();
    }
  }
}
