package dev.parley.registry.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploads ({@code parley.registry.upload.*}); checked at startup. Everything beyond them is refused with a
 * 4xx before it is parsed or stored.
 *
 * @param maxRequestSize      the largest request body (a zip, or all files of a multipart upload together)
 * @param maxFileSize         the largest single file, uploaded or unpacked from a zip
 * @param maxZipEntries       the most entries (files and folders) a zip may hold
 * @param maxUnzippedSize     the most a zip may unpack to, all entries together
 * @param maxCompressionRatio how many times its own size a zip may unpack to, once past {@code ratioFloor}
 * @param ratioFloor          unpacked sizes up to this never count as a zip bomb, whatever the ratio (small, very
 *                            regular XML files compress extremely well)
 */
@ConfigurationProperties("parley.registry.upload")
public record UploadProperties(@DefaultValue("10MB") DataSize maxRequestSize, @DefaultValue("2MB") DataSize maxFileSize,
        @DefaultValue("500") int maxZipEntries, @DefaultValue("20MB") DataSize maxUnzippedSize,
        @DefaultValue("100") int maxCompressionRatio, @DefaultValue("1MB") DataSize ratioFloor) {

    public UploadProperties {
        positive("max-request-size", maxRequestSize);
        positive("max-file-size", maxFileSize);
        positive("max-unzipped-size", maxUnzippedSize);
        if (ratioFloor == null || ratioFloor.isNegative()) {
            throw new IllegalArgumentException(
                    "parley.registry.upload.ratio-floor must not be negative but was " + ratioFloor);
        }
        if (maxZipEntries <= 0) {
            throw new IllegalArgumentException(
                    "parley.registry.upload.max-zip-entries must be positive but was " + maxZipEntries);
        }
        if (maxCompressionRatio < 2) {
            throw new IllegalArgumentException(
                    "parley.registry.upload.max-compression-ratio must be at least 2 but was " + maxCompressionRatio);
        }
        if (maxFileSize.compareTo(maxUnzippedSize) > 0) {
            throw new IllegalArgumentException("parley.registry.upload.max-file-size (" + maxFileSize
                    + ") must not exceed parley.registry.upload.max-unzipped-size (" + maxUnzippedSize + ")");
        }
        if (maxRequestSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "parley.registry.upload.max-request-size must be below 2GB but was " + maxRequestSize);
        }
    }

    private static void positive(String name, DataSize value) {
        if (value == null || value.toBytes() <= 0) {
            throw new IllegalArgumentException("parley.registry.upload." + name + " must be positive but was " + value);
        }
    }
}
