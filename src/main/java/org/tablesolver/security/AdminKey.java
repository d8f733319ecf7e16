package org.tablesolver.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The first admin key, which needs no row in {@code api_key}: the property {@code tablesolver.admin-key}
 * (environment {@code TABLESOLVER_ADMIN_KEY}) when it is set; otherwise, on the embedded default database,
 * the key in {@code tablesolver.admin-key-file} (default: {@code admin-api-key} beside the data directory,
 * {@code ./data/admin-api-key}), generated on the first start with mode 0600. Only its hash is kept in memory.
 */
final class AdminKey {

    static final String ID = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminKey.class);
    private static final int MIN_LENGTH = 16;

    private final byte[] hash;

    private AdminKey(byte[] hash) {
        this.hash = hash;
    }

    static AdminKey from(Environment environment) {
        String configured = environment.getProperty("tablesolver.admin-key");
        if (StringUtils.hasText(configured)) {
            if (configured.strip().length() < MIN_LENGTH) {
                throw new IllegalStateException("tablesolver.admin-key must be at least " + MIN_LENGTH
                        + " characters long (a generated one: 'tsk_' and 43 random characters)");
            }
            log.info("Admin API key: the one configured in tablesolver.admin-key");
            return new AdminKey(Secrets.hash(configured.strip()));
        }
        boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean ephemeral = environment.getProperty("tablesolver.embedded.ephemeral", Boolean.class, false);
        if (!embedded || ephemeral) {
            log.warn("No admin API key is configured (tablesolver.admin-key / TABLESOLVER_ADMIN_KEY): only keys "
                    + "stored in the database are accepted; the CLI command create-key makes one");
            return new AdminKey(null);
        }
        Path file = keyFile(environment);
        return new AdminKey(Secrets.hash(readOrCreate(file)));
    }

    private static Path keyFile(Environment environment) {
        String configured = environment.getProperty("tablesolver.admin-key-file");
        if (StringUtils.hasText(configured)) {
            return Path.of(configured);
        }
        Path data = Path.of(environment.getProperty("tablesolver.embedded.data-directory", "./data/postgres"))
                .toAbsolutePath().normalize();
        return data.resolveSibling("admin-api-key");
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                String secret = Secrets.newSecret();
                try {
                    write(file, secret);
                    log.info("Generated the admin API key into {} (readable by this user only)", file);
                    return secret;
                } catch (FileAlreadyExistsException raced) {
                    // another process created it meanwhile: use theirs
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException("The admin API key file " + file + " holds no key (at least "
                        + MIN_LENGTH + " characters); delete it to have a new one generated");
            }
            log.info("Admin API key: the one in {}", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin API key file " + file, e);
        }
    }

    private static void write(Path file, String secret) throws IOException {
        Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    }

    /** True when {@code secretHash} is the admin key's (compared in constant time). */
    boolean matches(byte[] secretHash) {
        return hash != null && MessageDigest.isEqual(hash, secretHash);
    }
}
