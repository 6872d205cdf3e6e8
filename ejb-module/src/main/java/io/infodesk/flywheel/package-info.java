/**
 * The flywheel cycle: a Jakarta Batch job (monitor → judge → train, which curates, trains and
 * evaluates → decide) started by an admin or by the scheduler on train nodes, with a database lease
 * so that exactly one cycle runs in the cluster, and a record of each step and the funnel.
 */
package io.infodesk.flywheel;
