package io.infodesk.review.boundary;

import java.util.Map;

/**
 * How many curated examples each label has, which the judge uses to spend the SMEs' budget on rare
 * labels. Curation owns the datasets and sits above review, so it implements this ({@code
 * io.infodesk.curation.boundary.DatasetLabels}).
 */
public interface CuratedLabels {

  /** The examples of each label in the latest dataset version; empty when there is none. */
  Map<String, Integer> latestCounts();
}
