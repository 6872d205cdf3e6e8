package io.infodesk.portal.home;

import io.infodesk.platform.boundary.ClusterNodeService;
import io.infodesk.platform.entity.ClusterNode;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import io.infodesk.security.boundary.ApiTokenService;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.ApiToken;
import io.infodesk.security.entity.AuditEntry;
import io.infodesk.security.entity.IssuedToken;
import io.infodesk.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The role-aware landing page. Everyone sees their profile and API tokens; admins also see the
 * nodes and the latest audit entries. The services check the roles again.
 */
@Named
@ViewScoped
public class HomePage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB ApiTokenService tokens;
  @EJB ClusterNodeService nodes;
  @EJB AuditService audit;
  @Inject Shell shell;

  private List<ApiToken> myTokens;
  private List<ClusterNode> clusterNodes = List.of();
  private List<AuditEntry> recentAudit = List.of();
  private String newTokenLabel;
  private IssuedToken issued;

  @PostConstruct
  void load() {
    myTokens = tokens.mine();
    if (shell.hasRole(Role.ADMIN_NAME)) {
      clusterNodes = nodes.list();
      recentAudit = audit.recent(0, 8);
    }
  }

  public void issueToken() {
    try {
      issued = tokens.issue(newTokenLabel, 90);
      newTokenLabel = null;
      myTokens = tokens.mine();
      Messages.info("Token created. Copy it now: it is shown only once.");
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public void revoke(ApiToken token) {
    tokens.revoke(token.getId());
    myTokens = tokens.mine();
    Messages.info("Token '" + token.getLabel() + "' revoked.");
  }

  public List<ApiToken> getMyTokens() {
    return myTokens;
  }

  public List<ClusterNode> getClusterNodes() {
    return clusterNodes;
  }

  public List<AuditEntry> getRecentAudit() {
    return recentAudit;
  }

  public String getNewTokenLabel() {
    return newTokenLabel;
  }

  public void setNewTokenLabel(String newTokenLabel) {
    this.newTokenLabel = newTokenLabel;
  }

  public IssuedToken getIssued() {
    return issued;
  }
}
