package org.tablesolver.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server that is already running on a data directory, found through its
 * {@code postmaster.pid} (line 1: process id, line 4: port, line 6: first listen address). Used to notice
 * that the embedded default's directory is taken, typically by a running table-solver server.
 */
record RunningPostgres(long pid, String host, int port) {

    /** The server running on {@code dataDirectory}: its process is alive and its port accepts connections. */
    static Optional<RunningPostgres> in(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid;
        int port;
        try {
            pid = Long.parseLong(lines.get(0).trim());
            port = Integer.parseInt(lines.get(3).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String listen = lines.size() > 5 ? lines.get(5).trim() : "";
        String host = listen.isEmpty() || listen.equals("*") ? "localhost" : listen.split(",")[0].trim();
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        // A stale file left by a crash names a dead process (PostgreSQL itself starts over it); a reused pid
        // does not answer on the port.
        if (!alive || !accepts(host, port)) {
            return Optional.empty();
        }
        return Optional.of(new RunningPostgres(pid, host, port));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/postgres";
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
