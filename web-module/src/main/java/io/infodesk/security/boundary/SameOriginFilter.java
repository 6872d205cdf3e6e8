package io.infodesk.security.boundary;

import io.infodesk.platform.boundary.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * CSRF defence for the API: a request that changes something and is signed in only by the portal's
 * session cookie (no Authorization header) must come from InfoDesk's own pages. It must carry
 * {@code X-Requested-With: XMLHttpRequest}, which a cross-site form cannot send and a cross-site
 * script cannot send without a CORS preflight InfoDesk never grants, and its Origin, or else its
 * Referer, must name this server. Basic and bearer clients are not affected: browsers do not add
 * those headers on their own (InfoDesk challenges for Basic only a client that sent Basic).
 */
@WebFilter(urlPatterns = "/api/*")
public class SameOriginFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (SAFE.contains(request.getMethod())
        || request.getRequestedSessionId() == null
        || request.getHeader("Authorization") != null
        || sameOrigin(request)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            new Problem(
                    "about:blank",
                    "Forbidden",
                    403,
                    "A request signed in by the portal's session must be same-origin: send"
                        + " X-Requested-With: XMLHttpRequest from InfoDesk's own pages (with"
                        + " their Origin or Referer), or use Basic or a bearer token.",
                    request.getRequestURI())
                .toJson());
  }

  static boolean sameOrigin(HttpServletRequest request) {
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      return false;
    }
    String origin = request.getHeader("Origin");
    String from = origin != null ? origin : request.getHeader("Referer");
    if (from == null) {
      // the custom header alone already needs a same-origin page or a CORS grant
      return true;
    }
    String authority;
    try {
      authority = URI.create(from.strip()).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (authority == null) {
      return false;
    }
    String forwarded = request.getHeader("X-Forwarded-Host");
    String host = request.getHeader("Host");
    return authority.equalsIgnoreCase(host)
        || (forwarded != null && authority.equalsIgnoreCase(forwarded.split(",")[0].strip()));
  }
}
