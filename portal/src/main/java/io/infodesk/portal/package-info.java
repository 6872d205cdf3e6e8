/**
 * The PrimeFaces portal for knowledge owners, SMEs and admins. View beans are thin: they hold view
 * state and call one boundary service each; roles are enforced again in those services.
 */
package io.infodesk.portal;
