package io.infodesk.security.entity;

import java.util.List;

/** What an admin gives to create an account. Roles are wire names; domains are domain keys. */
public record NewUser(
    String username,
    String displayName,
    String password,
    List<String> roles,
    List<String> domains) {}
