package org.meshledger.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the machine's CPU went during one phase: each process's CPU time as a share of the phase's wall time on all
 * cores. It tells whether a figure is limited by the service measured, the store or the load generator (this JVM).
 */
final class CpuShares {

    private final Map<String, ProcessHandle> processes;
    private final Map<String, Long> startNanos = new LinkedHashMap<>();
    private final long startedAt = System.nanoTime();

    private CpuShares(Map<String, ProcessHandle> processes) {
        this.processes = processes;
        processes.forEach((name, process) -> startNanos.put(name, cpuNanos(process)));
    }

    /** Starts measuring the given processes and this one (named {@code bench}). */
    static CpuShares of(Map<String, ProcessHandle> services) {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>(services);
        processes.put("bench", ProcessHandle.current());
        return new CpuShares(processes);
    }

    /** e.g. {@code store 24%, command-side 61%, bench 14%} of the cores since {@link #of}. */
    String shares() {
        double available =
                (System.nanoTime() - startedAt) * (double) Runtime.getRuntime().availableProcessors();
        return processes.entrySet().stream()
                .map(process -> "%s %.0f%%"
                        .formatted(
                                process.getKey(),
                                100 * (cpuNanos(process.getValue()) - startNanos.get(process.getKey())) / available))
                .collect(Collectors.joining(", "));
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
