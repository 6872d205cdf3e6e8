package io.infodesk.security.boundary;

import io.infodesk.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.callback.Callback;

/**
 * One mechanism for the whole application, because Jakarta Security 3 allows only one:
 *
 * <ul>
 *   <li>the portal's form login ({@code SecurityContext.authenticate} from the login page) starts
 *       an HTTP session;
 *   <li>API calls may carry HTTP Basic or a bearer token, checked on every call, sessionless;
 *   <li>a signed-in session also works for the API, as the employee pages need;
 *   <li>otherwise a page redirects to the login page and an API call gets a 401 problem.
 * </ul>
 */
@ApplicationScoped
public class InfoDeskAuthenticationMechanism implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/portal/login.xhtml";
  private static final String REALM = "InfoDesk";

  @Inject IdentityStoreHandler identityStores;
  @EJB ApiTokenService tokens;
  @EJB UserService users;
  @EJB AuditService audit;
  @Inject io.infodesk.security.control.PasswordHasher hasher;

  private final io.infodesk.security.control.LoginThrottle throttle =
      io.infodesk.security.control.LoginThrottle.defaults();

  /**
   * Basic credentials verified in the last minutes, by user: a digest of user and password, the
   * stored hash they were checked against, and the groups. A hit skips the PBKDF2 verification (its
   * 600,000 iterations are meant for guessers, not for every API call); a changed password or a
   * disabled account changes or removes the stored hash, so it misses at once, on every node.
   */
  private record Verified(String digest, String storedHash, Set<String> groups, Instant until) {}

  private static final java.time.Duration VERIFIED_FOR = java.time.Duration.ofMinutes(5);
  private static final int MAX_VERIFIED = 10_000;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private volatile String dummyHash;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential formCredential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && formCredential != null) {
      return formLogin(formCredential, context);
    }

    Principal sessionUser = request.getUserPrincipal();
    if (sessionUser != null) {
      return resume(sessionUser, context);
    }

    String authorization = request.getHeader("Authorization");
    if (authorization != null && !authorization.isBlank()) {
      return headerLogin(authorization.strip(), request, response, context);
    }

    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return unauthorized(
          request, response, context, "Sign in: send HTTP Basic credentials or a bearer token.");
    }
    String target = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      target += "?" + request.getQueryString();
    }
    return context.redirect(
        request.getContextPath()
            + LOGIN_PAGE
            + "?next="
            + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }

  private AuthenticationStatus formLogin(Credential credential, HttpMessageContext context) {
    String address = context.getRequest().getRemoteAddr();
    String user = credential instanceof UsernamePasswordCredential up ? up.getCaller() : null;
    if (throttle.blocked(user, address).isPresent()) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (user != null && users.activeHash(user).isEmpty()) {
      equalizeTiming(((UsernamePasswordCredential) credential).getPasswordAsString());
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      failed(user, address);
      return AuthenticationStatus.SEND_FAILURE;
    }
    throttle.succeeded(user);
    if (credential instanceof UsernamePasswordCredential up) {
      users.rehashIfWeaker(up.getCaller(), up.getPasswordAsString());
    }
    context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
    return context.notifyContainerAboutLogin(result);
  }

  /** Basic credentials: throttled, verified once and then recognised for a few minutes. */
  private AuthenticationStatus basicLogin(
      String user,
      String password,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    String address = request.getRemoteAddr();
    Optional<java.time.Duration> wait = throttle.blocked(user, address);
    if (wait.isPresent()) {
      return tooManyAttempts(request, response, wait.get());
    }
    Optional<String> stored = users.activeHash(user);
    if (stored.isEmpty()) {
      // an unknown (or disabled) user costs as much as a known one, so timing tells nothing
      equalizeTiming(password);
      failed(user, address);
      return unauthorized(request, response, context, "Unknown user or wrong password.");
    }
    String digest =
        io.infodesk.platform.control.Hashes.sha256(
            (user + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
    Verified v = verified.get(user);
    Instant now = Instant.now();
    if (v != null
        && v.digest().equals(digest)
        && v.storedHash().equals(stored.get())
        && v.until().isAfter(now)) {
      return context.notifyContainerAboutLogin(user, v.groups());
    }
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(user, password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      failed(user, address);
      return unauthorized(request, response, context, "Unknown user or wrong password.");
    }
    throttle.succeeded(user);
    users.rehashIfWeaker(user, password);
    if (verified.size() > MAX_VERIFIED) {
      verified.clear();
    }
    users
        .activeHash(user)
        .ifPresent(
            hash ->
                verified.put(
                    user,
                    new Verified(
                        digest,
                        hash,
                        Set.copyOf(result.getCallerGroups()),
                        now.plus(VERIFIED_FOR))));
    return context.notifyContainerAboutLogin(result);
  }

  private void failed(String user, String address) {
    throttle
        .failed(user, address)
        .ifPresent(
            lock ->
                audit.recordNow(
                    "LOGIN_THROTTLED",
                    "user",
                    user,
                    "locked for "
                        + lock.toSeconds()
                        + " s after repeated failed sign-ins (last from "
                        + address
                        + ")"));
  }

  private void equalizeTiming(String password) {
    if (dummyHash == null) {
      dummyHash = hasher.hash(java.util.UUID.randomUUID().toString());
    }
    hasher.verify(password == null ? "" : password, dummyHash);
  }

  private static AuthenticationStatus tooManyAttempts(
      HttpServletRequest request, HttpServletResponse response, java.time.Duration wait) {
    try {
      long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(seconds));
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              new Problem(
                      "about:blank",
                      "Too Many Requests",
                      429,
                      "Too many failed sign-ins for this account or address: try again in "
                          + seconds
                          + " s.",
                      request.getRequestURI())
                  .toJson());
      response.flushBuffer();
    } catch (IOException e) {
      // the client went away
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** Re-establishes the caller that the container remembered in the session. */
  private AuthenticationStatus resume(Principal principal, HttpMessageContext context) {
    try {
      context
          .getHandler()
          .handle(
              new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), principal)});
      return AuthenticationStatus.SUCCESS;
    } catch (IOException | javax.security.auth.callback.UnsupportedCallbackException e) {
      throw new IllegalStateException("Could not resume the session's caller", e);
    }
  }

  private AuthenticationStatus headerLogin(
      String authorization,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return unauthorized(
            request, response, context, "The Basic credentials are not valid Base64.");
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return unauthorized(
            request, response, context, "The Basic credentials need a user name and a password.");
      }
      return basicLogin(
          decoded.substring(0, colon), decoded.substring(colon + 1), request, response, context);
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return tokens
          .authenticate(authorization.substring(7).strip())
          .map(id -> context.notifyContainerAboutLogin(id.username(), id.roles()))
          .orElseGet(
              () ->
                  unauthorized(
                      request,
                      response,
                      context,
                      "The bearer token is unknown, revoked or expired."));
    }
    return unauthorized(
        request, response, context, "Use the Basic or Bearer authorization scheme.");
  }

  private static AuthenticationStatus unauthorized(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String detail) {
    if (!isApi(request) && !context.isProtected()) {
      return context.doNothing();
    }
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      // a Basic challenge only for a client that asked with Basic: a challenge makes a browser
      // remember the credentials and send them with cross-site requests too
      String sent = request.getHeader("Authorization");
      if (sent != null && sent.strip().regionMatches(true, 0, "Basic ", 0, 6)) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      }
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              new Problem("about:blank", "Unauthorized", 401, detail, request.getRequestURI())
                  .toJson());
      response.flushBuffer();
    } catch (IOException e) {
      // the client went away; nothing to tell it
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }
}
