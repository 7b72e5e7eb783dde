package dev.parley.registry.upload;

import dev.parley.registry.api.RegistryErrorCodes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded zip in memory, never trusting its headers: entry count, each entry's and the total unpacked
 * size and the compression ratio are counted on the bytes actually inflated, and reading stops at the first limit
 * crossed. Unsafe names, duplicates and archives inside the archive are refused.
 */
final class ZipReader {

    private static final Set<String> ARCHIVE_SUFFIXES = Set.of(".zip", ".jar", ".war", ".ear", ".7z", ".rar", ".gz",
            ".tgz", ".tar", ".bz2", ".xz");
    private static final int BUFFER = 8192;

    private final UploadProperties limits;

    ZipReader(UploadProperties limits) {
        this.limits = limits;
    }

    /** Whether the bytes start like a zip (a local file header, or the end record of an empty zip). */
    static boolean looksLikeZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K'
                && (content[2] == 3 && content[3] == 4 || content[2] == 5 && content[3] == 6);
    }

    /** The zip's files (folders left out) in archive order. */
    List<UploadedFile> read(String zipName, byte[] zip) {
        if (!looksLikeZip(zip)) {
            throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_BAD_ARCHIVE,
                    "'" + zipName + "' is not a zip archive", zipName);
        }
        List<UploadedFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        int entries = 0;
        long ratioLimit = Math.max(limits.ratioFloor().toBytes(), (long) limits.maxCompressionRatio() * zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw UploadRefusedException.tooLarge(RegistryErrorCodes.UPLOAD_TOO_MANY_FILES, "'" + zipName
                            + "' has more than " + limits.maxZipEntries() + " entries", limits.maxZipEntries(),
                            zipName);
                }
                String name = FileNames.check(entry.getName());
                if (!names.add(name)) {
                    throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_DUPLICATE_NAME,
                            "'" + zipName + "' holds '" + name + "' twice", name);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (isArchiveName(name)) {
                    throw nested(zipName, name);
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[BUFFER];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    content.write(buffer, 0, read);
                    total += read;
                    if (total > ratioLimit) {
                        throw UploadRefusedException.tooLarge(RegistryErrorCodes.UPLOAD_COMPRESSION_RATIO,
                                "'" + zipName + "' unpacks to more than " + limits.maxCompressionRatio()
                                        + " times its size of " + zip.length + " bytes (a zip bomb?)", ratioLimit,
                                name);
                    }
                    if (total > limits.maxUnzippedSize().toBytes()) {
                        throw UploadRefusedException.tooLarge(RegistryErrorCodes.UPLOAD_TOO_LARGE,
                                "'" + zipName + "' unpacks to more than " + limits.maxUnzippedSize().toBytes()
                                        + " bytes", limits.maxUnzippedSize().toBytes(), name);
                    }
                    if (content.size() > limits.maxFileSize().toBytes()) {
                        throw UploadRefusedException.tooLarge(RegistryErrorCodes.UPLOAD_TOO_LARGE, "'" + name
                                + "' in '" + zipName + "' is larger than " + limits.maxFileSize().toBytes()
                                + " bytes", limits.maxFileSize().toBytes(), name);
                    }
                }
                byte[] bytes = content.toByteArray();
                if (looksLikeZip(bytes)) {
                    throw nested(zipName, name);
                }
                files.add(new UploadedFile(name, bytes, BotFiles.isBotFile(name, bytes)));
            }
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8
            throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_BAD_ARCHIVE,
                    "'" + zipName + "' cannot be read as a zip: " + e.getMessage(), zipName);
        } catch (IOException e) {
            throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_BAD_ARCHIVE,
                    "'" + zipName + "' cannot be read as a zip: " + e.getMessage(), zipName);
        }
        if (files.isEmpty()) {
            throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_EMPTY,
                    "'" + zipName + "' holds no files", zipName);
        }
        return files;
    }

    static boolean isArchiveName(String name) {
        String base = FileNames.lowerBaseName(name);
        return ARCHIVE_SUFFIXES.stream().anyMatch(base::endsWith);
    }

    private static UploadRefusedException nested(String zipName, String name) {
        return UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_NESTED_ARCHIVE,
                "'" + zipName + "' holds the archive '" + name + "'; upload one zip of plain files", name);
    }
}
