/**
 * Builds training data from the flywheel's labels: exact and near-duplicate removal, and a
 * stratified, seeded train/evaluation split.
 */
package io.infodesk.curation;
