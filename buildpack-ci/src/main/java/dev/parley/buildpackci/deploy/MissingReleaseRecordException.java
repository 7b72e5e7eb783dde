package dev.parley.buildpackci.deploy;

import java.nio.file.Path;

/** The release record a step needs is missing or lacks what the step needs. */
public class MissingReleaseRecordException extends RuntimeException {

    public MissingReleaseRecordException(Path file, String problem) {
        super("Release record " + file + ": " + problem);
    }

}
