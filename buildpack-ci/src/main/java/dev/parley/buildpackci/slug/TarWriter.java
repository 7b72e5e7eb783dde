package dev.parley.buildpackci.slug;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes tar entries into one gzip member. Entries are written record by record (512-byte blocks) and the
 * end-of-archive marker only when asked, so that a slug can be the concatenation of gzip members: the runtime image
 * (compressed once per run) followed by a service's own files. gzip, GNU tar and Heroku read such multi-member
 * streams as one. Timestamps and owners are fixed, so equal inputs give equal bytes.
 */
final class TarWriter implements AutoCloseable {

    /** 1980-01-01: a fixed modification time keeps slugs reproducible. */
    private static final Date FIXED_TIME = new Date(315532800000L);

    private final GZIPOutputStream gzip;

    private final TarArchiveOutputStream tar;

    private final boolean endArchive;

    /**
     * @param out where the gzip member goes (not closed by this writer)
     * @param endArchive whether closing writes the end-of-archive marker (only the last member does)
     */
    TarWriter(OutputStream out, boolean endArchive) throws IOException {
        this.gzip = new GZIPOutputStream(new NonClosing(out), 1 << 16) {
            {
                this.def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        };
        this.tar = new TarArchiveOutputStream(this.gzip, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.UTF_8.name());
        this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        this.endArchive = endArchive;
    }

    void directory(String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        entry.setMode(040755);
        put(entry, 0);
    }

    void file(String name, byte[] content, boolean executable) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(executable ? 0100755 : 0100644);
        put(entry, content.length);
        this.tar.write(content);
        this.tar.closeArchiveEntry();
    }

    void file(String name, Path source) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(isExecutable(source) ? 0100755 : 0100644);
        long size = Files.size(source);
        put(entry, size);
        try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(this.tar);
        }
        this.tar.closeArchiveEntry();
    }

    /** Adds {@code source} (a directory tree) under {@code name}, in a stable order, keeping symbolic links. */
    void tree(String name, Path source) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            String relative = source.relativize(path).toString().replace('\\', '/');
            String entryName = relative.isEmpty() ? name : name + "/" + relative;
            if (Files.isSymbolicLink(path)) {
                TarArchiveEntry link = new TarArchiveEntry(entryName, TarConstants.LF_SYMLINK);
                link.setLinkName(Files.readSymbolicLink(path).toString());
                link.setMode(0120777);
                put(link, 0);
            }
            else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                directory(entryName);
            }
            else {
                file(entryName, path);
            }
        }
    }

    private void put(TarArchiveEntry entry, long size) throws IOException {
        entry.setModTime(FIXED_TIME);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("root");
        entry.setGroupName("root");
        if (entry.isFile()) {
            entry.setSize(size);
        }
        this.tar.putArchiveEntry(entry);
        if (!entry.isFile()) {
            this.tar.closeArchiveEntry();
        }
    }

    private static boolean isExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        catch (UnsupportedOperationException ex) {
            return Files.isExecutable(file);
        }
    }

    @Override
    public void close() throws IOException {
        if (this.endArchive) {
            this.tar.finish();
        }
        else {
            // Every entry is already padded to a whole 512-byte record; the archive continues in the next member.
            this.tar.flush();
        }
        this.gzip.finish();
        this.gzip.flush();
    }

    /** Keeps the target open when the gzip stream finishes: more members follow. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            this.out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            this.out.flush();
        }

    }

}
