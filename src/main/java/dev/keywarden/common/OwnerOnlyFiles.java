package dev.keywarden.common;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner may read. Files are replaced atomically: the content goes
 * to an owner-only temporary file beside the target, which is then moved over it, so a crash
 * leaves either the old file or the new one, and the content is never readable by others, not
 * even for a moment. The one writer for every file that holds a secret: the credential store,
 * settings and the sandbox's data file.
 */
public final class OwnerOnlyFiles {
    public static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_ALL = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and missing parents) when absent; the folder itself owner-only. */
    public static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (isPosix(dir)) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ALL);
            Files.createDirectory(dir, ownerOnly);
        } else {
            Files.createDirectory(dir);
            restrictToOwner(dir.toFile(), true);
        }
    }

    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = createOwnerOnlyTempFile(dir, target.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The permissions are set when the file is created, before any content is written. */
    private static Path createOwnerOnlyTempFile(Path dir, String targetName) throws IOException {
        String prefix = "." + targetName + "-";
        if (isPosix(dir)) {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        }
        Path temp = Files.createTempFile(dir, prefix, ".tmp");
        restrictToOwner(temp.toFile(), false);
        return temp;
    }

    /** The best a non-POSIX file system offers: clear the bits for everyone, then grant the owner. */
    private static void restrictToOwner(File file, boolean directory) {
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
        file.setExecutable(false, false);
        if (directory) {
            file.setExecutable(true, true);
        }
    }
}
