package com.emporium.inventory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used during a run by this process (the benchmark's clients) and, given its pid, by the server JVM
 * (user + system time from /proc/pid/stat, Linux only). On a machine where both share the cores, the
 * server's figure is what the stream costs and the client's is what measuring it costs.
 */
final class Cpu {
    /** Clock ticks per second of /proc/pid/stat; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long serverPid;
    private final long wallStart = System.nanoTime();
    private final long clientStart = clientNanos();
    private final long serverStart;
    private long wall;
    private long client;
    private long server;

    private Cpu(long serverPid) {
        this.serverPid = serverPid;
        this.serverStart = serverTicks(serverPid);
    }

    static Cpu start(long serverPid) {
        return new Cpu(serverPid);
    }

    void stop() {
        wall = System.nanoTime() - wallStart;
        client = clientNanos() - clientStart;
        server = serverTicks(serverPid) - serverStart;
    }

    @Override
    public String toString() {
        double seconds = wall / 1e9;
        String text = String.format(
                "over %.1f s: benchmark client CPU %.1f s (%.2f cores)", seconds, client / 1e9, client / 1e9 / seconds);
        if (serverPid > 0) {
            double serverSeconds = server / TICKS_PER_SECOND;
            text += String.format(", server CPU %.1f s (%.2f cores)", serverSeconds, serverSeconds / seconds);
        }
        return text;
    }

    private static long clientNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long serverTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the server's CPU time", e);
        }
    }
}
