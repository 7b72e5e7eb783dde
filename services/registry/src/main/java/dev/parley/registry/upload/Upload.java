package dev.parley.registry.upload;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A checked upload: safe names, within every limit, ready to parse and store.
 *
 * @param form         how it came: plain files, or one zip
 * @param files        the files (the zip's entries, folders left out), in upload order
 * @param originalZip  the zip exactly as uploaded for {@link Form#ZIP}, else {@code null}
 * @param originalName the uploaded zip's file name for {@link Form#ZIP}, else {@code null}
 */
public record Upload(Form form, List<UploadedFile> files, byte[] originalZip, String originalName) {

    /** How the files were uploaded; a download returns the same form. */
    public enum Form {
        /** One or several files. */
        FILES,
        /** A single zip (an SFDX folder or an MDAPI package). */
        ZIP
    }

    public Upload {
        files = List.copyOf(files);
    }

    /**
     * SHA-256 (hex) of the files' names and bytes in name order: equal for the same files however they were packed
     * (a zip's timestamps and compression do not count).
     */
    public String contentHash() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        for (UploadedFile file : files.stream().sorted(Comparator.comparing(UploadedFile::name)).toList()) {
            byte[] name = file.name().getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            digest.update(name);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(file.content().length).array());
            digest.update(file.content());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The files read as bot metadata. */
    public List<UploadedFile> parsedFiles() {
        return files.stream().filter(UploadedFile::parsed).toList();
    }
}
