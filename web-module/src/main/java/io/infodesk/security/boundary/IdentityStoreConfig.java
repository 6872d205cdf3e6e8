package io.infodesk.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The database identity store: user names and PBKDF2 hashes from app_user, groups (= role names)
 * from user_role. Disabled users cannot sign in.
 */
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:app/jdbc/infodesk",
    callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE",
    groupsQuery =
        "SELECT r.role_name FROM user_role r JOIN app_user u ON u.id = r.user_id"
            + " WHERE u.username = ? AND u.enabled = TRUE",
    hashAlgorithm = Pbkdf2PasswordHash.class,
    hashAlgorithmParameters = {
      "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256",
      "Pbkdf2PasswordHash.SaltSizeBytes=32",
      "Pbkdf2PasswordHash.KeySizeBytes=32"
    })
@ApplicationScoped
public class IdentityStoreConfig {}
