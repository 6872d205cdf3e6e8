/**
 * Accounts, roles and domain assignments, API tokens, and the audit log that every privileged
 * action writes to. Demo accounts are created only in demo mode; otherwise the first admin comes
 * from the documented bootstrap settings.
 */
package io.infodesk.security;
