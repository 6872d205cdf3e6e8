/**
 * What employees say about answers: thumbs up or down with an optional comment and corrected domain
 * (one rating per person and interaction, updated in place), and escalations to a human.
 */
package io.infodesk.feedback;
