/**
 * The router model registry: versions move CANDIDATE → SHADOW → ACTIVE → RETIRED (or REJECTED)
 * through configurable promotion gates; a CANDIDATE becomes SUPERSEDED when a later training run
 * brings a candidate of its own.
 */
package io.infodesk.registry;
