package org.instaclone.metrics.insight;

import org.instaclone.metrics.rollup.Metric;

/** The {@code metric} parameter names no platform metric. */
public class UnknownMetricException extends RuntimeException {

	public UnknownMetricException(String metric) {
		super("Unknown metric '" + metric + "'. Known platform metrics: " + Metric.platformKeys() + ".");
	}
}
