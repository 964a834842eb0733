package io.github.secretencryption.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler that reports the CPU time of the threads running the benchmark method per
 * operation ({@value #RESULT}, in nanoseconds). Unlike the wall-clock time of JMH's
 * primary result, it leaves out the time those threads waited for a core, so it stays
 * meaningful on a machine that other work keeps busy. It also leaves out the JVM's own
 * threads: the JIT compiler and the garbage collector.
 *
 * @since 0.1.0
 */
public final class CpuTimeProfiler implements InternalProfiler {

	/**
	 * Name of the secondary result.
	 */
	public static final String RESULT = "cpu.time.norm";

	private static final String WORKER_THREAD_NAME = "-jmh-worker-";

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private Map<Long, Long> startCpuTimes = Map.of();

	@Override
	public String getDescription() {
		return "CPU time of the benchmark threads per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.startCpuTimes = workerCpuTimes();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpuTime = 0;
		for (Map.Entry<Long, Long> worker : workerCpuTimes().entrySet()) {
			cpuTime += worker.getValue() - this.startCpuTimes.getOrDefault(worker.getKey(), 0L);
		}
		long operations = result.getMetadata().getAllOps();
		double perOperation = (operations > 0) ? (double) cpuTime / operations : Double.NaN;
		return List.of(new ScalarResult(RESULT, perOperation, "ns/op", AggregationPolicy.AVG));
	}

	private Map<Long, Long> workerCpuTimes() {
		Map<Long, Long> cpuTimes = new HashMap<>();
		for (ThreadInfo thread : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (thread != null && thread.getThreadName().contains(WORKER_THREAD_NAME)) {
				long cpuTime = this.threads.getThreadCpuTime(thread.getThreadId());
				if (cpuTime >= 0) {
					cpuTimes.put(thread.getThreadId(), cpuTime);
				}
			}
		}
		return cpuTimes;
	}

}
