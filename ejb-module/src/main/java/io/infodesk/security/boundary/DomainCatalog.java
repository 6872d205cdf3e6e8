package io.infodesk.security.boundary;

import java.util.Collection;
import java.util.Map;

/**
 * The domains that exist, as security needs them to check and show a user's assignments. Security
 * keeps domain keys only; knowledge, which owns the domains and sits above security, implements
 * this ({@code io.infodesk.knowledge.boundary.DomainDirectory}).
 */
public interface DomainCatalog {

  /** The name of each of {@code keys} that names an existing domain, in the keys' order. */
  Map<String, String> names(Collection<String> keys);
}
