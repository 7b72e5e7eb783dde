package dev.parley.buildpackci.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The release record's JSON file: replaced atomically on every write, so a crash never leaves half a record. */
public final class ReleaseRecordStore {

    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final Path file;

    public ReleaseRecordStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return this.file;
    }

    public Optional<ReleaseRecord> read() {
        if (!Files.isRegularFile(this.file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(this.file.toFile(), ReleaseRecord.class));
    }

    /** Removes the record (a fresh deploy against a new fake starts without one). */
    public void delete() {
        try {
            Files.deleteIfExists(this.file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot delete the release record " + this.file, ex);
        }
    }

    public ReleaseRecord write(ReleaseRecord record) {
        try {
            Path parent = this.file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = parent.resolve(this.file.getFileName() + ".partial");
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), record);
            Files.move(partial, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return record;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the release record " + this.file, ex);
        }
    }

}
