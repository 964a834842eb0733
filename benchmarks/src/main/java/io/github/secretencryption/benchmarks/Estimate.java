package io.github.secretencryption.benchmarks;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A measured mean and the half-width of its 99.9% confidence interval, as JMH reports
 * them.
 *
 * @param mean the mean
 * @param error half-width of the 99.9% confidence interval, {@code NaN} when unknown
 * @since 0.1.0
 */
public record Estimate(double mean, double error) {

	/**
	 * Estimate the mean of samples with Student's t distribution, as JMH does.
	 * @param samples the samples
	 * @return the estimate
	 */
	public static Estimate of(List<Double> samples) {
		int n = samples.size();
		double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		if (n < 2) {
			return new Estimate(mean, Double.NaN);
		}
		double variance = samples.stream().mapToDouble((sample) -> (sample - mean) * (sample - mean)).sum() / (n - 1);
		double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2);
		return new Estimate(mean, t * Math.sqrt(variance / n));
	}

	/**
	 * Divide by another estimate, adding relative errors in quadrature.
	 * @param divisor the other estimate
	 * @return the ratio
	 */
	public Estimate dividedBy(Estimate divisor) {
		double ratio = this.mean / divisor.mean;
		double relative = Math.hypot(this.error / this.mean, divisor.error / divisor.mean);
		return new Estimate(ratio, Math.abs(ratio) * relative);
	}

	/**
	 * Subtract another estimate, adding errors in quadrature.
	 * @param other the other estimate
	 * @return the difference
	 */
	public Estimate minus(Estimate other) {
		return new Estimate(this.mean - other.mean, Math.hypot(this.error, other.error));
	}

	/**
	 * Scale by a constant.
	 * @param factor the factor
	 * @return the scaled estimate
	 */
	public Estimate times(double factor) {
		return new Estimate(this.mean * factor, this.error * Math.abs(factor));
	}

}
