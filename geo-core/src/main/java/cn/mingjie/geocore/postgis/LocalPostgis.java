package cn.mingjie.geocore.postgis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL + PostGIS cluster started from the system's binaries (Debian {@code
 * postgresql-15-postgis-3}), for the default run and for tests: no Docker, no shared server.
 *
 * <p>The cluster lives in a state directory ({@code data/} is PGDATA, {@code password} the generated
 * superuser password). It listens on 127.0.0.1 only, on a free port, with no Unix socket, and
 * requires a password. PostgreSQL refuses to run as root; when this JVM is root the server
 * processes run as the {@code postgres} system user (created by the Debian packages) through
 * {@code runuser}, and the state directory moves to {@code /var/tmp} if that user cannot reach it.
 */
public final class LocalPostgis implements AutoCloseable {

    public static final String DATABASE = "mingjie";
    public static final String SUPERUSER = "mingjie";
    static final String INSTALL_HINT = "apt-get install postgresql-15-postgis-3";
    private static final String SERVICE_USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(LocalPostgis.class);

    private final Path binDir;
    private final Path stateDir;
    private final boolean asServiceUser;
    private final int port;
    private final String password;
    private volatile boolean running;

    private LocalPostgis(Path binDir, Path stateDir, boolean asServiceUser, int port, String password) {
        this.binDir = binDir;
        this.stateDir = stateDir;
        this.asServiceUser = asServiceUser;
        this.port = port;
        this.password = password;
    }

    /** Clusters this JVM started, by requested state directory: started once, shared after. */
    private static final java.util.Map<Path, LocalPostgis> started = new java.util.HashMap<>();

    /**
     * Starts (initialising on first use) the cluster kept in {@code stateDir}, creates the {@value
     * #DATABASE} database with PostGIS, and stops the server when the JVM exits. A second call for
     * the same directory in the same JVM returns the running cluster.
     */
    public static synchronized LocalPostgis start(Path stateDir) {
        return started.computeIfAbsent(stateDir.toAbsolutePath().normalize(), LocalPostgis::startCluster);
    }

    /** Like {@link #start}, but first discards any cluster left in {@code stateDir} by an earlier JVM. */
    public static synchronized LocalPostgis startFresh(Path stateDir) {
        Path key = stateDir.toAbsolutePath().normalize();
        if (!started.containsKey(key)) {
            Path effective = isRoot() ? reachableByServiceUser(key) : key;
            if (Files.exists(effective.resolve("data/postmaster.pid"))) {
                new LocalPostgis(findBinaries(), effective, isRoot(), 0, "").stopQuietly();
            }
            deleteRecursively(effective);
        }
        return start(stateDir);
    }

    private static LocalPostgis startCluster(Path stateDir) {
        Path binDir = findBinaries();
        boolean root = isRoot();
        Path effectiveState = root ? reachableByServiceUser(stateDir.toAbsolutePath()) : stateDir.toAbsolutePath();
        try {
            Files.createDirectories(effectiveState);
            String password = readOrCreatePassword(effectiveState.resolve("password"));
            LocalPostgis cluster = new LocalPostgis(binDir, effectiveState, root, freePort(), password);
            cluster.initIfNeeded();
            cluster.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "local-postgis-stop"));
            cluster.createDatabase();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("无法准备本地 PostgreSQL 目录 " + effectiveState, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path stateDir() {
        return stateDir;
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(Duration.ofSeconds(60), pgCtl("stop", "-m", "fast", "-w"));
        } catch (RuntimeException e) {
            log.warn("Stopping the local PostgreSQL cluster failed: {}", e.getMessage());
        }
    }

    /** Finds the newest PostgreSQL whose installation also has the PostGIS extension. */
    static Path findBinaries() {
        String override = System.getenv("MINGJIE_PG_BIN");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(d -> Files.isExecutable(d.resolve("bin/initdb"))).forEach(versions::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        versions.sort(
                Comparator.comparing((Path p) -> versionNumber(p.getFileName().toString()))
                        .reversed());
        if (versions.isEmpty()) {
            throw new IllegalStateException("找不到 PostgreSQL 服务器程序（/usr/lib/postgresql/*/bin/initdb）。请安装：" + INSTALL_HINT
                    + " / PostgreSQL server binaries not found; install them with: " + INSTALL_HINT);
        }
        for (Path version : versions) {
            Path control =
                    Path.of("/usr/share/postgresql", version.getFileName().toString(), "extension", "postgis.control");
            if (Files.exists(control)) {
                return version.resolve("bin");
            }
        }
        throw new IllegalStateException("已安装 PostgreSQL，但没有 PostGIS 扩展。请安装：" + INSTALL_HINT
                + " / PostGIS is not installed for PostgreSQL; install it with: " + INSTALL_HINT);
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void initIfNeeded() throws IOException {
        Path data = stateDir.resolve("data");
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        Files.createDirectories(data);
        Path pwFile = stateDir.resolve("initdb-password");
        Files.writeString(pwFile, password, StandardCharsets.UTF_8);
        try {
            if (asServiceUser) {
                chown(data);
                chown(pwFile);
            }
            log.info("Initialising a private PostgreSQL cluster in {}", data);
            run(
                    Duration.ofMinutes(2),
                    command(
                            binDir.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            SUPERUSER,
                            "--pwfile=" + pwFile,
                            "--auth=scram-sha-256",
                            "--encoding=UTF8",
                            "--locale=C.UTF-8"));
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private void startServer() {
        Path data = stateDir.resolve("data");
        // A previous JVM that was killed may have left its server running on an old port.
        if (Files.exists(data.resolve("postmaster.pid"))) {
            stopQuietly();
        }
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        run(
                Duration.ofMinutes(2),
                pgCtl(
                        "start",
                        "-w",
                        "-t",
                        "110",
                        "-l",
                        data.resolve("server.log").toString(),
                        "-o",
                        options));
        running = true;
        log.info("Private PostgreSQL listening on 127.0.0.1:{} (data in {})", port, data);
    }

    private void stopQuietly() {
        try {
            run(Duration.ofSeconds(60), pgCtl("stop", "-m", "fast", "-w"));
        } catch (RuntimeException stale) {
            log.debug("No running server to stop: {}", stale.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove old cluster " + dir, e);
        }
    }

    private void createDatabase() {
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, SUPERUSER, password);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("无法在本地 PostgreSQL 中创建数据库 " + DATABASE + ": " + e.getMessage(), e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists postgis");
            s.execute("create extension if not exists btree_gist");
        } catch (SQLException e) {
            throw new IllegalStateException("无法启用 PostGIS 扩展（" + INSTALL_HINT + "）: " + e.getMessage(), e);
        }
    }

    private List<String> pgCtl(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binDir.resolve("pg_ctl").toString());
        cmd.add("-D");
        cmd.add(stateDir.resolve("data").toString());
        cmd.addAll(List.of(args));
        return command(cmd.toArray(String[]::new));
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        if (asServiceUser) {
            cmd.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void chown(Path path) {
        run(Duration.ofSeconds(30), List.of("chown", "-R", SERVICE_USER + ":" + SERVICE_USER, path.toString()));
    }

    private static void run(Duration timeout, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Command failed (" + p.exitValue() + "): " + String.join(" ", command)
                        + "\n" + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * The server user must be able to walk down to its data directory. When an ancestor (such as
     * {@code /root}) is closed to others, keep the cluster in {@code /var/tmp} under a name derived
     * from the requested path, so that the same checkout finds the same cluster again.
     */
    private static Path reachableByServiceUser(Path requested) {
        if (ancestorsTraversable(requested)) {
            return requested;
        }
        Path fallback = Path.of("/var/tmp", "mingjie-postgis-" + shortHash(requested.toString()));
        log.info(
                "{} is not reachable by the '{}' user; keeping the PostgreSQL cluster in {}",
                requested,
                SERVICE_USER,
                fallback);
        return fallback;
    }

    private static boolean ancestorsTraversable(Path path) {
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue;
            }
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        Optional<String> existing =
                Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        if (existing.isPresent() && !existing.get().isEmpty()) {
            return existing.get();
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Non-POSIX file systems keep their default permissions.
        }
        return password;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
