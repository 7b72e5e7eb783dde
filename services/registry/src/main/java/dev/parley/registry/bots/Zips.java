package dev.parley.registry.bots;

import dev.parley.registry.upload.UploadedFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packs the files of a several-file upload into one zip for download; each entry holds the file's exact bytes. */
final class Zips {

    private Zips() {
    }

    static byte[] of(List<UploadedFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (UploadedFile file : files) {
                zip.putNextEntry(new ZipEntry(file.name()));
                zip.write(file.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not zip in memory", e);
        }
        return bytes.toByteArray();
    }
}
