package io.infodesk.knowledge.entity;

/**
 * Fired when a domain is created or its description or exemplars change, so that what is built from
 * the domains (the zero-shot router) is built again. Observers on other nodes learn of it from the
 * domains' change time.
 *
 * @param domain the domain's key
 * @param change created or updated
 */
public record DomainsChanged(String domain, String change) {}
