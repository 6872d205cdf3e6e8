package io.infodesk.knowledge.entity;

/**
 * Fired when a domain is created or its description, exemplars or fusion weights change, so that
 * what is built or read from the domains (the zero-shot router, the ask path's copies) is built or
 * read again. Observers on other nodes learn of it from the domains' change time.
 *
 * @param domain the domain's key
 * @param change created, updated or fusion weights
 */
public record DomainsChanged(String domain, String change) {}
