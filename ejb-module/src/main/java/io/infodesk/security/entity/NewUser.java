package io.infodesk.security.entity;

import java.util.List;

/**
 * What an admin gives to create an account. Roles are wire names; domains are domain keys: {@code
 * ownerDomains} are the domains the user owns as knowledge owner, {@code smeDomains} the ones they
 * review as SME; {@code domains}, where those are absent, applies to each of the two roles the user
 * has.
 */
public record NewUser(
    String username,
    String displayName,
    String password,
    List<String> roles,
    List<String> domains,
    List<String> ownerDomains,
    List<String> smeDomains) {}
