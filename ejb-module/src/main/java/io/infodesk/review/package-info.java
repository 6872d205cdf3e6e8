/**
 * Judging and SME review: the judge attributes unsatisfactory answers to routing, retrieval or
 * generation; suspected misroutes become review items that SMEs of the routed or suggested domain
 * claim (with an expiring lease) and decide. Their corrections become training labels.
 */
package io.infodesk.review;
