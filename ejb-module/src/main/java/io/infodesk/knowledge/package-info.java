/**
 * Knowledge domains (HR, IT, finance, product docs, ...) and, in later work, their sources. A
 * domain's description and exemplars also drive the zero-shot router.
 */
package io.infodesk.knowledge;
