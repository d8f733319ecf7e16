package org.tablesolver.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tablesolver.TableSolverApplication;

/**
 * Application instances on one {@link SharedDatabase}: Spring contexts in this JVM (to reach their beans) or
 * separate processes (to kill with SIGKILL). Both use the test profile (the tests' admin key, test solver
 * configurations, no demo data).
 */
public final class Instances {

    public static final String ADMIN_KEY = "tsk_test-admin-key-0123456789abcdef";

    private Instances() {
    }

    /** A web instance in this JVM on a random port. */
    public static ConfigurableApplicationContext start(SharedDatabase db, String... properties) {
        List<String> args = new ArrayList<>(List.of(db.springArguments()));
        args.add("--server.port=0");
        args.addAll(List.of(properties));
        return new SpringApplicationBuilder(TableSolverApplication.class, TestSupportConfiguration.class)
                .profiles("test").run(args.toArray(String[]::new));
    }

    /** A web instance in this JVM that reaches the database at {@code url} (a proxy in front of it). */
    public static ConfigurableApplicationContext startVia(SharedDatabase db, String url, String... properties) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--server.port=0"));
        args.addAll(List.of(properties));
        return new SpringApplicationBuilder(TableSolverApplication.class, TestSupportConfiguration.class)
                .profiles("test").run(args.toArray(String[]::new));
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api(() -> context.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                context.getBean(ObjectMapper.class), ADMIN_KEY);
    }

    /** A running instance in its own process. */
    public record Child(Process process, int port, Path log, Api api) {

        /** SIGKILL: no shutdown hook runs, nothing is cleaned up. */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts an instance in a new JVM (the test's class path) and waits until it answers. */
    public static Child spawn(SharedDatabase db, Path log, String... properties) {
        return spawnWithHeap(db, log, "-Xmx512m", properties);
    }

    /** {@link #spawn(SharedDatabase, Path, String...)} with a heap option such as {@code -Xmx1g}. */
    public static Child spawnWithHeap(SharedDatabase db, Path log, String heap, String... properties) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TableSolverApplication.class.getName());
        command.add("--spring.profiles.active=test");
        command.addAll(List.of(db.springArguments()));
        command.add("--server.port=" + port);
        command.addAll(List.of(properties));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Api api = new Api(() -> port, new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), ADMIN_KEY);
            awaitHealthy(process, port, log);
            return new Child(process, port, log, api);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start an instance", e);
        }
    }

    private static void awaitHealthy(Process process, int port, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the instance exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the instance did not become healthy in 120 s; see " + log);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
