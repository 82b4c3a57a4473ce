package dev.aep.failedbatches.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that appear whole or not at all, and never through a link: content goes to a new temporary file in the
 * target's folder (a random hidden name ending in {@code .tmp}, created exclusively with the output file mode, so a
 * link planted at a guessable name is never followed and nobody can read it before its mode is set), then the
 * temporary file is renamed onto the final name. A rename replaces whatever entry has the final name, a symbolic
 * link included, and never writes through it. Several instances may share the folders.
 */
public final class AtomicFiles {

    /** The default {@code aep.output.file-mode}: the owner writes, the owner's group reads, others nothing. */
    public static final String DEFAULT_MODE = "rw-r-----";

    private final Set<PosixFilePermission> mode;

    /** @param mode the permissions of every file written (ignored where the file system has no POSIX permissions) */
    public AtomicFiles(Set<PosixFilePermission> mode) {
        this.mode = mode == null ? null : Set.copyOf(mode);
    }

    /**
     * The permissions of a POSIX permission string such as {@code rw-r-----}, which must let the owner read and
     * write (the bundle joins and replaces its own files); the error names the property.
     */
    public static Set<PosixFilePermission> parseMode(String mode) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = PosixFilePermissions.fromString(mode);
        } catch (IllegalArgumentException | NullPointerException e) {
            permissions = null;
        }
        if (permissions == null || !permissions.contains(PosixFilePermission.OWNER_READ)
                || !permissions.contains(PosixFilePermission.OWNER_WRITE)) {
            throw new IllegalArgumentException("aep.output.file-mode must be a POSIX permission string of 9 characters"
                    + " that lets the owner read and write, such as " + DEFAULT_MODE + "; was: " + mode);
        }
        return permissions;
    }

    public static boolean isTemporaryName(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /** Writes a file through a new temporary file renamed into place. */
    public void write(Path target, ContentWriter content) throws IOException {
        Path temp = createTemporary(target.getParent(), target.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                content.writeTo(out);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new, empty, hidden temporary file {@code .<name>.<random>.tmp} in {@code dir} (created if missing), made
     * exclusively with the output mode: it fails rather than open anything that already has its name.
     */
    public Path createTemporary(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        boolean posix = mode != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(dir, "." + name + ".", ".tmp", permissions())
                : Files.createTempFile(dir, "." + name + ".", ".tmp");
        if (posix) {
            // the creation mode was narrowed by the umask; the output mode is what was asked for
            Files.setPosixFilePermissions(temp, mode);
        }
        return temp;
    }

    /**
     * Creates {@code file} empty, with the output mode, unless something already has its name (kept as it is): for a
     * file that a Camel component then appends to (a persistent idempotent repository), which would otherwise create
     * it with the process umask.
     */
    public void createIfAbsent(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path temp = createTemporary(file.getParent(), file.getFileName().toString());
        try {
            Files.move(temp, file);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another instance sharing the folder was first: its file is kept
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code temp} onto {@code target}, replacing the entry there (a link is replaced, not followed). */
    public void moveIntoPlace(Path temp, Path target) throws IOException {
        if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(temp.toString(), null, "not a regular file: refusing to move it into place");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private FileAttribute<Set<PosixFilePermission>> permissions() {
        return PosixFilePermissions.asFileAttribute(mode);
    }

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
