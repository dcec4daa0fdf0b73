package org.meshledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a JVM's JIT compiler threads have used, read from Linux's per-thread accounting: whether a service's
 * code is still being compiled, that is, whether it has reached the steady state a figure is meant to describe.
 */
final class JitActivity {

    /** Linux's USER_HZ, the unit of the per-thread times in {@code /proc/<pid>/task/<tid>/stat}. */
    private static final long MILLIS_PER_TICK = 10;

    private JitActivity() {}

    /** @return the compiler threads' CPU time so far in ms, or -1 where the system does not tell */
    static long compilerMillis(ProcessHandle process) {
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(JitActivity::compilerTicks).sum() * MILLIS_PER_TICK;
        } catch (IOException | UncheckedIOException unavailable) {
            return -1;
        }
    }

    private static long compilerTicks(Path thread) {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException finished) {
            // a thread that ended between listing and reading
            return 0;
        }
    }
}
