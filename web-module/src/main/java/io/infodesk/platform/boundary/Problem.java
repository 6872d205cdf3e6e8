package io.infodesk.platform.boundary;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, the body of every API error. */
public record Problem(String type, String title, int status, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(Response.Status status, String detail, String instance) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }

  /** The same problem as JSON text, for code that writes the response itself. */
  public String toJson() {
    return "{\"type\":\""
        + escape(type)
        + "\",\"title\":\""
        + escape(title)
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + escape(detail)
        + "\",\"instance\":\""
        + escape(instance)
        + "\"}";
  }

  private static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
