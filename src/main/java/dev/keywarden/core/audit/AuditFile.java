package dev.keywarden.core.audit;

import dev.keywarden.common.OwnerOnlyFiles;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;

/**
 * The audit file on disk; used only on the {@link AuditThread}. An append holds the file's lock, which
 * other Keywarden processes (the console, the command line) honour too, so no two appends read the same
 * last line to link to. Reads take the shared lock, so they never see half an append.
 */
final class AuditFile {
    private static final byte NEWLINE = '\n';
    private static final int TAIL_CHUNK = 8192;

    /** Writes bytes at a position; tests substitute one that stops part-way, as a full disk does. */
    @FunctionalInterface
    interface Writes {
        void write(FileChannel channel, ByteBuffer bytes, long position) throws IOException;
    }

    static final Writes ALL_OF_IT = (channel, bytes, position) -> {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    };

    /** The line to append, made from the link to the line before it. */
    @FunctionalInterface
    interface LineAfter {
        byte[] line(String link) throws IOException;
    }

    /** The file cannot be written and Keywarden leaves it so; {@link #getMessage()} says why in plain words. */
    static final class Unwritable extends IOException {
        Unwritable(String why) {
            super(why);
        }
    }

    private final Path folder;
    private final Path file;
    private final Writes writes;

    AuditFile(Path folder, Path file, Writes writes) {
        this.folder = folder;
        this.file = file;
        this.writes = writes;
    }

    /**
     * Appends the line {@code lineAfter} makes from the link to the last line, and forces it to disk. A
     * last line without its newline (torn by a full disk or a crash) is ended first and kept: it is
     * evidence too, read back as a line that cannot be read. A write that fails part-way is cut off again.
     */
    @SuppressWarnings("try") // the lock is held for the block and released by closing it; it is never read
    void append(LineAfter lineAfter) throws IOException {
        createOwnerOnly();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            long size = channel.size();
            String link = ChainLink.FIRST_LINE;
            if (size > 0) {
                boolean torn = byteAt(channel, size - 1) != NEWLINE;
                long end = torn ? size : size - 1;
                link = hashOf(channel, startOfLine(channel, end), end);
                if (torn) {
                    writeOrCutBack(channel, new byte[] {NEWLINE}, size);
                    size++;
                }
            }
            writeOrCutBack(channel, lineAfter.line(link), size);
            channel.force(true);
        }
    }

    /** Every byte of the file; a missing file throws {@link java.nio.file.NoSuchFileException}. */
    @SuppressWarnings("try") // the shared lock is held for the block and released by closing it; it is never read
    byte[] readAll() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("the file is larger than 2 GB");
            }
            ByteBuffer all = ByteBuffer.allocate((int) size);
            while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
                // read on until full or the end
            }
            return all.position() == all.capacity() ? all.array() : Arrays.copyOf(all.array(), all.position());
        }
    }

    private void writeOrCutBack(FileChannel channel, byte[] bytes, long at) throws IOException {
        try {
            writes.write(channel, ByteBuffer.wrap(bytes), at);
        } catch (IOException e) {
            try {
                channel.truncate(at);
            } catch (IOException cut) {
                e.addSuppressed(cut);
            }
            throw e;
        }
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        while (one.hasRemaining()) {
            if (channel.read(one, position) < 0) {
                throw new IOException("the file got shorter while it was locked");
            }
        }
        return one.get(0);
    }

    /** Where the line ending just before {@code end} starts: after the newline before it, or at 0. */
    private static long startOfLine(FileChannel channel, long end) throws IOException {
        long chunkEnd = end;
        ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
        while (chunkEnd > 0) {
            long chunkStart = Math.max(0, chunkEnd - TAIL_CHUNK);
            chunk.clear().limit((int) (chunkEnd - chunkStart));
            readFully(channel, chunk, chunkStart);
            for (int i = chunk.limit() - 1; i >= 0; i--) {
                if (chunk.get(i) == NEWLINE) {
                    return chunkStart + i + 1;
                }
            }
            chunkEnd = chunkStart;
        }
        return 0;
    }

    private static String hashOf(FileChannel channel, long start, long end) throws IOException {
        MessageDigest digest = ChainLink.sha256();
        ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
        for (long at = start; at < end; at += chunk.limit()) {
            chunk.clear().limit((int) Math.min(TAIL_CHUNK, end - at));
            readFully(channel, chunk, at);
            digest.update(chunk.array(), 0, chunk.limit());
        }
        return ChainLink.hex(digest);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the file got shorter while it was locked");
            }
            at += read;
        }
    }

    /**
     * Creates the file owner-only before anything is written to it, and closes it again if it was opened
     * to others. A file its owner may not read and write (e.g. {@code chmod 000}) is left so and reported:
     * someone made it so, and the trail must not quietly undo that.
     */
    private void createOwnerOnly() throws IOException {
        OwnerOnlyFiles.createOwnerOnlyDirectory(folder);
        boolean posix = OwnerOnlyFiles.isPosix(file);
        if (!Files.exists(file)) {
            try {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.OWNER_READ_WRITE));
                } else {
                    Files.createFile(file);
                    restrictToOwner(file.toFile());
                }
                return;
            } catch (FileAlreadyExistsException raced) {
                // Another Keywarden created it first; check its permissions below.
            }
        }
        if (posix) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!permissions.contains(PosixFilePermission.OWNER_READ) || !permissions.contains(PosixFilePermission.OWNER_WRITE)) {
                throw new Unwritable("it cannot be written: its permissions are " + PosixFilePermissions.toString(permissions)
                        + ", and Keywarden does not change that back on its own; make it rw------- (chmod 600) to record changes again");
            }
            if (!permissions.equals(OwnerOnlyFiles.OWNER_READ_WRITE)) {
                Files.setPosixFilePermissions(file, OwnerOnlyFiles.OWNER_READ_WRITE);
            }
        } else if (!Files.isWritable(file) || !Files.isReadable(file)) {
            throw new Unwritable("it cannot be written: it is read-only, and Keywarden does not change that back on its own");
        }
    }

    private static void restrictToOwner(File target) {
        target.setReadable(false, false);
        target.setReadable(true, true);
        target.setWritable(false, false);
        target.setWritable(true, true);
        target.setExecutable(false, false);
    }
}
