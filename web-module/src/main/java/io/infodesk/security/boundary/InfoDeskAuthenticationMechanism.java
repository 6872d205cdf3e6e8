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
import java.util.Base64;
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
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
    return context.notifyContainerAboutLogin(result);
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
      CredentialValidationResult result =
          identityStores.validate(
              new UsernamePasswordCredential(
                  decoded.substring(0, colon), decoded.substring(colon + 1)));
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        return context.notifyContainerAboutLogin(result);
      }
      return unauthorized(request, response, context, "Unknown user or wrong password.");
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
